import type { Deck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDeck, sectionsOf } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { attendeeNarration, isStageDirection } from '../packages/slidev-addon-lectern/node/deck/notes.ts'
import { exportFromSite } from '../packages/slidev-addon-lectern/node/make/print/export.ts'
import { STAGE_DIRECTION } from '../packages/slidev-addon-lectern/shared/stage-direction.ts'
import { site } from './browser.ts'
import { pageBrightness, pageFirstWordX, pdfFonts, pdfInfo, pdfLanguage, pdfOutline, pdfText } from './pdf.ts'

const slidesPdf = join(site.exports, 'slides.pdf')
const handout = (name: string) => join(site.exports, name)
let deck: Deck

beforeAll(async () => {
  deck = await readDeck()
})

describe('slides PDF', () => {
  it('has one page a slide, as @slidev/parser counts them', () => {
    expect(Number(pdfInfo(slidesPdf).Pages)).toBe(deck.slides.length)
  })

  it('carries the Chinese title as text and its metadata', async () => {
    expect(pdfText(slidesPdf, 1)).toContain('虚拟化技术与云基础设施')
    const info = pdfInfo(slidesPdf)
    expect(info.Title).toBe(deck.title)
    expect(info.Author ?? '').toBe(deck.talk.speaker)
    expect(info.Keywords).toContain('KVM')
    expect(info.Subject).toContain('云基础设施')
    expect(await pdfLanguage(slidesPdf)).toBe('zh-CN')
  })

  it('embeds the Chinese font, with no Type 3 bitmap fallback', () => {
    const fonts = pdfFonts(slidesPdf)
    expect(fonts.some(f => /NotoSansSC/.test(f.name) && f.embedded)).toBe(true)
    expect(fonts.every(f => f.embedded)).toBe(true)
    expect(fonts.filter(f => f.type.includes('Type 3'))).toEqual([])
  })

  it('uses only the fonts the project ships: a glyph they lack would fall back to whatever the machine has', () => {
    const foreign = pdfFonts(slidesPdf).map(f => f.name).filter(name => !/NotoSans|JetBrainsMono/.test(name))
    expect(foreign).toEqual([])
  })

  it('has bookmarks by chapter, each holding its slides by title', async () => {
    const outline = await pdfOutline(slidesPdf)
    // The opening (cover, agenda) belongs to no chapter: its slides are bookmarks of their own.
    expect(outline.map(b => b.title)).toEqual(sectionsOf(deck).flatMap(s => s.chapter
      ? [s.chapter.title]
      : s.slides.map(x => `${x.no}. ${x.title}`)))
    const all = outline.flatMap(b => b.children.length
      ? b.children.map(c => c.title)
      : [b.title])
    expect(all).toEqual(deck.slides.map(s => `${s.no}. ${s.title}`))
    expect(all.join('')).toMatch(/[\u4E00-\u9FFF]/)
  })

  it('shows every slide title on its own page', () => {
    for (const slide of deck.slides.filter(s => /[\u4E00-\u9FFF]{2}/.test(s.title)).slice(0, 12))
      expect(pdfText(slidesPdf, slide.no).replace(/\s+/g, '')).toContain(slide.title.replace(/\s+/g, '').slice(0, 6))
  })
})

describe('handout PDFs', () => {
  const referencePages = (n: number) => Math.ceil(n / 16)
  const pagesFor = (perPage: number) => 1
    + sectionsOf(deck).reduce((sum, s) => sum + Math.ceil(s.slides.length / perPage), 0)

  it('is A4 portrait', () => {
    expect(pdfInfo(handout('handout.pdf'))['Page size']).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/)
  })

  it('prints at its own size: every page\'s header starts at the 14 mm margin (Chromium shrinks pages whose layout is wider than A4)', () => {
    for (const file of [
      'handout.pdf',
      'handout-speaker.pdf',
      'handout-1up.pdf',
      'handout-6up.pdf',
    ]) {
      // The first word on each page after the cover, in pt from the left edge: 14 mm is 39.69 pt.
      const lefts = pageFirstWordX(handout(file), 2)
      expect(lefts.length, file).toBeGreaterThan(3)
      expect(Math.min(...lefts), file).toBeCloseTo(14 / 25.4 * 72, 0)
    }
  })

  it('has the cover, the slides by chapter (two a page by default), then the references — in all three layouts, each in its own file', async () => {
    const { references } = await import('../data/references.ts')
    const extra = referencePages(references.length)
    expect(Number(pdfInfo(handout('handout.pdf')).Pages)).toBe(pagesFor(2) + extra)
    expect(Number(pdfInfo(handout('handout-1up.pdf')).Pages)).toBe(pagesFor(1) + extra)
    expect(Number(pdfInfo(handout('handout-6up.pdf')).Pages)).toBe(pagesFor(6) + extra)
    expect(Number(pdfInfo(handout('handout-speaker.pdf')).Pages)).toBe(pagesFor(2) + extra)
  })

  it('holds every slide and its narration as searchable text', () => {
    const text = pdfText(handout('handout.pdf')).replace(/\s+/g, '')
    // Markdown marks are dropped on both sides: a hyphen the PDF prints (VT-x) is one of them.
    const marksGone = text.replace(/[*_`#>[\]()-]/g, '')
    for (const slide of deck.slides)
      expect(text).toContain(`${slide.no}.${slide.title.replace(/\s+/g, '')}`)
    for (const slide of deck.slides.filter(s => attendeeNarration(s.notes)).slice(0, 10)) {
      // The first words of the narration, with Markdown marks removed.
      const words = attendeeNarration(slide.notes).replace(/[*_`#>[\]()-]/g, '').replace(/\s+/g, '').slice(0, 12)
      expect(marksGone).toContain(words)
    }
  })

  it('keeps slides vector: the slide text is in the handout, not an image of it', () => {
    const page2 = pdfText(handout('handout.pdf'), 2)
    expect(page2).toContain(deck.title)
    expect(pdfFonts(handout('handout.pdf')).every(f => f.embedded)).toBe(true)
  })

  it('leaves the stage directions out of the attendee handout and keeps them in the speaker handout', () => {
    const attendee = pdfText(handout('handout.pdf')).replace(/\s+/g, '')
    const speaker = pdfText(handout('handout-speaker.pdf')).replace(/\s+/g, '')
    const directions = deck.slides.flatMap(s => s.notes.split(/\n\s*\n/).filter(isStageDirection))
      .map(p => p.replace(/^\[click(?::\d+)?\]\s*/, '').replace(STAGE_DIRECTION, '').replace(/[*_`#>[\]()-]/g, '').replace(/\s+/g, '').slice(0, 12))
    for (const words of directions) {
      expect(attendee).not.toContain(words)
      expect(speaker).toContain(words)
    }
    expect(attendee).not.toContain(STAGE_DIRECTION)
    expect(attendee).not.toMatch(/\[click/)
  })

  it('is tagged, in Chinese, titled, with bookmarks by chapter and their slides', async () => {
    for (const name of ['handout.pdf', 'handout-speaker.pdf']) {
      const file = handout(name)
      expect(pdfInfo(file).Tagged).toBe('yes')
      expect(pdfInfo(file).Title).toMatch(new RegExp(`^${deck.title} — `))
      expect(await pdfLanguage(file)).toBe('zh-CN')
      const outline = await pdfOutline(file)
      expect(outline.map(b => b.title)).toEqual([
        '封面与目录',
        ...sectionsOf(deck).flatMap(s => s.chapter
          ? [s.chapter.title]
          : s.slides.map(x => `${x.no}. ${x.title}`)),
        '参考文献',
      ])
      expect(outline.slice(1, -1).flatMap(b => b.children.length
        ? b.children.map(c => c.title)
        : [b.title])).toEqual(deck.slides.map(s => `${s.no}. ${s.title}`))
    }
  })
})

describe('dark slides PDF (npm run export -- --dark)', () => {
  it('prints every slide in dark mode, beside the light one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'deck-dark-'))
    try {
      await exportFromSite({
        siteDir: site.dir,
        base: site.base,
        outDir: out,
        only: ['slides'],
        dark: true,
        deck,
        log: () => {},
      })
      const dark = join(out, 'slides-dark.pdf')
      expect(Number(pdfInfo(dark).Pages)).toBe(deck.slides.length)
      expect(pdfText(dark, 1)).toContain('虚拟化技术与云基础设施')
      expect(pageBrightness(dark, 1)).toBeLessThan(80)
      expect(pageBrightness(slidesPdf, 1)).toBeGreaterThan(180)
    }
    finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
