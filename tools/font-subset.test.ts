import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDeckFont, codePointsOf, deckTexts, formatUnicodeRange, parseFontFaces, parseUnicodeRange, planSubsets } from './font-subset.ts'

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
