import { Buffer } from 'node:buffer'
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { pruneCache } from '../core/cache.ts'
import { buildDeckFont, codePointsOf, deckTexts, formatUnicodeRange, inlineFaces, parseFontFaces, parseUnicodeRange, planSubsets } from './font-subset.ts'

const require = createRequire(import.meta.url)
const FONTSOURCE = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'))
const faces400 = parseFontFaces(readFileSync(join(FONTSOURCE, '400.css'), 'utf8'), FONTSOURCE)
const cache = mkdtempSync(join(tmpdir(), 'deck-fonts-test-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))

describe('unicode-range', () => {
  it('reads single code points, ranges and wildcards as CSS defines them', () => {
    expect(parseUnicodeRange('U+4e00-4e02, U+3002,U+4??')).toEqual([
      [0x4E00, 0x4E02],
      [0x3002, 0x3002],
      [0x400, 0x4FF],
    ])
  })

  it('writes code points as the shortest list of ranges, whatever their order', () => {
    expect(formatUnicodeRange([0x4E00, 0x41, 0x43, 0x42, 0x41])).toBe('U+41-43,U+4e00')
  })
})

describe('planning the subset from the fontsource slices', () => {
  it('reads every Noto Sans SC slice of a weight: about a hundred, each with its file and range', () => {
    expect(faces400.length).toBeGreaterThan(90)
    expect(faces400.every(f => f.weight === 400 && f.file.endsWith('.woff2') && f.ranges.length > 0)).toBe(true)
  })

  it('puts each character in the one slice a browser would take it from, and skips untouched slices', () => {
    const plan = planSubsets(codePointsOf(['虚拟化技术与云基础设施']), faces400)
    const covered = plan.flatMap(p => p.codePoints)
    expect(new Set(covered).size).toBe(covered.length)
    for (const ch of '虚拟化技术与云基础设施')
      expect(covered).toContain(ch.codePointAt(0))
    expect(plan.length).toBeLessThan(faces400.length / 2)
  })

  it('always covers printable ASCII (numbers that components compute) and leaves control characters out', () => {
    const cps = codePointsOf(['\u0007'])
    expect(cps.has(0x30) && cps.has(0x7E) && cps.has(0x20)).toBe(true)
    expect(cps.has(7)).toBe(false)
  })

  it('reads the deck itself: the title on the cover is in the text it collects', () => {
    const text = deckTexts(process.cwd()).join('')
    expect(text).toContain('虚拟化技术与云基础设施')
  })
})

describe('building Deck Sans', () => {
  it('writes small woff2 files and CSS whose ranges hold exactly the requested characters', async () => {
    const result = await buildDeckFont({
      root: process.cwd(),
      cacheDir: cache,
      texts: ['热迁移：预拷贝'],
      weights: [400],
    })
    const css = readFileSync(result.cssFile, 'utf8')
    expect(css).toContain(`font-family: 'Deck Sans'`)
    for (const ch of '热迁移预拷')
      expect(css).toContain(`U+${ch.codePointAt(0)!.toString(16)}`)
    expect(css).not.toContain(`U+${'虚'.codePointAt(0)!.toString(16)}`)
    // A fontsource slice is 30–50 KB; seven characters and ASCII take a few KB in all.
    expect(result.bytes).toBeLessThan(40_000)
    for (const file of result.files)
      expect(readFileSync(file).subarray(0, 4).toString()).toBe('wOF2')
  })

  it('reuses the files of an earlier build with the same characters', async () => {
    const first = await buildDeckFont({
      root: process.cwd(),
      cacheDir: cache,
      texts: ['热迁移'],
      weights: [400],
    })
    const again = await buildDeckFont({
      root: process.cwd(),
      cacheDir: cache,
      texts: ['热迁移'],
      weights: [400],
    })
    expect(again.cssFile).toBe(first.cssFile)
  })
})

describe('a page\'s own fonts, inlined', () => {
  const face = faces400.find(f => f.ranges.some(([a, b]) => '虚'.codePointAt(0)! >= a && '虚'.codePointAt(0)! <= b))!
  // Characters of that slice (its ranges list them one by one).
  const inFace = (n: number) => String.fromCodePoint(...face.ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)).slice(0, n))
  const site = mkdtempSync(join(tmpdir(), 'inline-faces-'))
  afterAll(() => rmSync(site, { recursive: true, force: true }))
  const fileOf = (url: string) => url === '/virt/assets/slice.woff2'
    ? face.file
    : join(site, url)
  const rule = '@font-face { font-family: "Deck Sans"; font-style: normal; font-display: swap; font-weight: 400; src: url("/virt/assets/slice.woff2") format("woff2"); unicode-range: U+4e00-9fff; }'
  const inline = (chars: string, dir = join(cache, 'pages')) => inlineFaces([
    { url: '/virt/assets/slice.woff2', rule, chars },
  ], fileOf, dir)
  const fontOf = (css: string) => Buffer.from(css.match(/base64,([^)]+)\)/)![1], 'base64')

  it('cuts each face to the page\'s characters: same family and weight, exact range, drawn once loaded, no URL', async () => {
    const css = await inline(inFace(3))
    expect(css).toMatch(/^@font-face \{ font-family: "Deck Sans"; font-style: normal; font-weight: 400; src: url\(data:font\/woff2;base64,/)
    expect(css).toContain(`unicode-range: ${formatUnicodeRange([
      ...inFace(3),
    ].map(c => c.codePointAt(0)!))}; font-display: block; }`)
    expect(css).not.toMatch(/swap|assets\/slice/)
    const font = fontOf(css)
    expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2')
    // A few glyphs of a slice that holds hundreds: a small fraction of its bytes, and more glyphs cost more.
    expect(font.length).toBeLessThan(readFileSync(face.file).length / 5)
    expect(fontOf(await inline(inFace(30))).length).toBeGreaterThan(font.length * 2)
  })

  it('reuses a face cut before, forgets one unused for a month, and names a missing file and the fix', async () => {
    const dir = join(cache, 'pages-reuse')
    const first = await inline('热迁移', dir)
    const files = readdirSync(dir)
    expect(files).toHaveLength(1)
    // A font last used 40 days ago goes; one used again now stays.
    const old = new Date(Date.now() - 40 * 86_400_000)
    utimesSync(join(dir, files[0]), old, old)
    writeFileSync(join(dir, 'stale.woff2'), 'x')
    utimesSync(join(dir, 'stale.woff2'), old, old)
    expect(await inline('热迁移', dir)).toBe(first)
    pruneCache(dir)
    expect(readdirSync(dir)).toEqual(files)
    await expect(inlineFaces([
      { url: '/virt/assets/gone.woff2', rule, chars: '云' },
    ], fileOf, dir)).rejects.toThrow(/\/virt\/assets\/gone\.woff2: the font file is not in the site/)
  })
})
