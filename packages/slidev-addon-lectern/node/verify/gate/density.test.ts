import type { Deck, DeckSlide } from '../../deck/deck.ts'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { densityReport, formatDensityReport, measurePdf, quantile, runDensity } from './density.ts'

// A PDF made for the test, on the slides PDF's page size (735 × 414 pt), drawn with pdf-lib's standard font.
// pdf-lib's y axis points up: y = 414 is the top edge.
const W = 735
const H = 414
let dir: string
let pdf: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'density test '))
  pdf = join(dir, 'slides.pdf')
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  // 1: a short title near the top edge only — top-heavy.
  doc.addPage([W, H]).drawText('Top title', { x: 40, y: 360, size: 30, font })
  // 2: one sentence centred on the page.
  doc.addPage([W, H]).drawText('Centred', { x: 300, y: 200, size: 30, font })
  // 3: a title up top and a wordless diagram (a filled box) at the bottom: ink counts as content.
  const third = doc.addPage([W, H])
  third.drawText('Diagram', { x: 40, y: 360, size: 30, font })
  third.drawRectangle({
    x: 100,
    y: 20,
    width: 500,
    height: 80,
    color: rgb(0.15, 0.39, 0.92),
  })
  // 4: 300 characters of text in lines down the page — over the per-slide limit.
  const fourth = doc.addPage([W, H])
  for (let i = 0; i < 6; i++) {
    fourth.drawText('x'.repeat(50), {
      x: 40,
      y: 340 - i * 50,
      size: 18,
      font,
    })
  }
  // 5: empty.
  doc.addPage([W, H])
  writeFileSync(pdf, await doc.save())
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fakeDeck(contents: string[]): Deck {
  const slides = contents.map((content, i): DeckSlide => ({
    no: i + 1,
    title: `s${i + 1}`,
    file: 'slides/x.md',
    line: 1 + i * 10,
    notes: '',
    content,
    frontmatter: content === 'exempt by flag'
      ? { density: 'exempt' }
      : {},
  }))
  return { slides } as Deck
}

describe('measuring a slides PDF', () => {
  it('counts the visible characters of each page, ignoring spaces', () => {
    expect(measurePdf(pdf).map(p => p.characters)).toEqual([8, 7, 7, 300, 0])
  })

  it('finds the content box: text and wordless drawings, none on an empty page', () => {
    const [top, centred, diagram, , empty] = measurePdf(pdf)
    // 'Top title' sits between y = 360 and about 390 pt from the bottom → about 6–13 % from the top.
    expect(top.box!.top).toBeGreaterThan(0.03)
    expect(top.box!.bottom).toBeLessThan(0.16)
    expect((centred.box!.top + centred.box!.bottom) / 2).toBeCloseTo(0.5, 1)
    // The rectangle reaches 20 pt above the bottom edge: the box ends near 95 %.
    expect(diagram.box!.bottom).toBeGreaterThan(0.93)
    expect(diagram.box!.bottom).toBeLessThan(0.97)
    expect(empty.box).toBeNull()
  })

  it('names a missing PDF and says how to make it', () => {
    expect(() => measurePdf(join(dir, 'none.pdf'))).toThrow(/none\.pdf not found — run `npm run build`/)
  })
})

describe('the density report', () => {
  it('names the slides over a limit by file:line, and the reference slides do not count', () => {
    const pages = measurePdf(pdf)
    const report = densityReport(pages, fakeDeck([
      '',
      '',
      '',
      '',
      '<References :part="1" />',
    ]), 'slides.pdf')
    expect(report.slides.map(s => s.topHeavy)).toEqual([true, false, false, false, false])
    expect(report.slides[4].exempt).toBe(true)
    // Counted: 7, 7, 8, 300 → median 7.5 ≈ 8, p90 between 8 and 300.
    expect(report.median).toBe(8)
    expect(report.p90).toBe(212)
    expect(report.topHeavy).toBe(1)
    expect(report.failures).toEqual([])
    const text = formatDensityReport(report)
    expect(text).toContain('slides/x.md:31  slide 4  300 characters (limit 220) — move explanation to the notes')
    expect(text).toMatch(/slides\/x\.md:1 {2}slide 1 {2}top-heavy: content centred at \d+\.\d % of the height \(limit 42\.0 %\)/)
    expect(text).toContain('reference slides 5 exempt')
    expect(text).toContain('density targets met')
  })

  it('fails the targets it misses', () => {
    const report = densityReport(measurePdf(pdf), fakeDeck([
      '',
      '',
      '',
      '',
      '# 参考文献\n\n<References/>',
    ]), 'slides.pdf', {
      median: 5,
      p90: 220,
      topHeavy: 0,
      topHeavyAt: 0.42,
    })
    expect(report.slides[4].exempt).toBe(true)
    expect(report.failures).toEqual([
      'median 8 characters a slide (target ≤ 5)',
      '1 top-heavy slides (target ≤ 0)',
    ])
  })

  it('refuses a PDF whose pages do not match the slides', () => {
    expect(() => densityReport(measurePdf(pdf), fakeDeck(['', '']), 'slides.pdf'))
      .toThrow('slides.pdf has 5 pages but the deck has 2 slides — rebuild it (npm run build)')
  })

  it('reads the deck with Slidev\'s parser and pairs page N with slide N', async () => {
    writeFileSync(join(dir, 'slides.md'), [
      '# Top title',
      '',
      '---',
      '',
      '# Centred',
      '',
      '---',
      '',
      '# Diagram',
      '',
      '---',
      '',
      '# Long',
      '',
      '---',
      '',
      '<References />',
      '',
    ].join('\n'))
    const report = await runDensity({ root: dir, pdf: 'slides.pdf' })
    expect(report.slides.map(s => [s.slide.no, s.slide.line, s.characters])).toEqual([
      [1, 1, 8],
      [2, 3, 7], // a slide's line is its `---` (node/deck/deck.ts slideLine)
      [3, 7, 7],
      [4, 11, 300],
      [5, 15, 0],
    ])
    expect(report.slides[4].exempt).toBe(true)
  })
})

describe('quantile', () => {
  it('interpolates between ranks', () => {
    expect(quantile([], 0.5)).toBe(0)
    expect(quantile([10], 0.9)).toBe(10)
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(3) // 2.5 rounds up
    expect(quantile([0, 100], 0.9)).toBe(90)
  })
})
