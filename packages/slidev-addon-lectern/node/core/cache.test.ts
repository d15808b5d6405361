import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { compressFiles } from '../make/build.ts'
import { cached, hashOf, pruneCache } from './cache.ts'

const dir = mkdtempSync(join(tmpdir(), 'cache 缓存 '))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the build cache', () => {
  it('makes an entry once, then reads it back; forgets entries unused for a month', async () => {
    const cache = join(dir, 'entries')
    let made = 0
    const make = async () => {
      made++
      return new TextEncoder().encode('字节')
    }
    const name = `${hashOf('a', new Uint8Array([1, 2]))}.bin`
    expect((await cached(cache, name, make)).toString()).toBe('字节')
    expect((await cached(cache, name, make)).toString()).toBe('字节')
    expect(made).toBe(1)
    expect(hashOf('a', new Uint8Array([1, 2]))).not.toBe(hashOf('a', new Uint8Array([1, 3])))

    const old = new Date(Date.now() - 40 * 86_400_000)
    writeFileSync(join(cache, 'stale.bin'), 'x')
    utimesSync(join(cache, 'stale.bin'), old, old)
    utimesSync(join(cache, name), old, old)
    await cached(cache, name, make) // used again: kept
    pruneCache(cache)
    expect(readdirSync(cache)).toEqual([name])
  })

  it('compresses each file to .br and .gz, files alike once, and reuses the cache in the next run', async () => {
    const site = join(dir, 'site')
    const cache = join(dir, 'compressed')
    const text = '虚拟化技术与云基础设施 '.repeat(200)
    mkdirSync(join(site, '2'), { recursive: true })
    writeFileSync(join(site, '2.html'), text)
    writeFileSync(join(site, '2', 'index.html'), text)
    writeFileSync(join(site, 'small.html'), '<p>小</p>')
    const files = ['2.html', '2/index.html', 'small.html'].map(f => join(site, f))
    const written = await compressFiles(site, files, { cacheDir: cache })
    // Under 1 KB is not worth it; the two alike pages make one .br and one .gz in the cache.
    expect(written.map(f => f.slice(site.length + 1)).sort()).toEqual([
      '2.html.br',
      '2.html.gz',
      '2/index.html.br',
      '2/index.html.gz',
    ])
    expect(brotliDecompressSync(readFileSync(join(site, '2/index.html.br'))).toString()).toBe(text)
    expect(gunzipSync(readFileSync(join(site, '2.html.gz'))).toString()).toBe(text)
    expect(readdirSync(cache)).toHaveLength(2)
    // The next run takes the cached bytes (planted here to tell them apart).
    for (const name of readdirSync(cache)) {
      writeFileSync(join(cache, name), name.endsWith('.br')
        ? brotliCompressSync('从缓存')
        : gzipSync('从缓存'))
    }
    await compressFiles(site, files, { cacheDir: cache })
    expect(brotliDecompressSync(readFileSync(join(site, '2.html.br'))).toString()).toBe('从缓存')
  })
})
