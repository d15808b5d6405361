import type { Deck, DeckSlide } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
/**
 * The talk's own promises (issue #10, AUTHORING.md): its length in slides, the time its notes take to
 * say, and planned minutes that add up to the headmatter's duration with time left for questions.
 * Reads the deck with Slidev's parser; no browser.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { readingMinutes } from '../packages/slidev-addon-lectern/node/deck/notes.ts'

let deck: Deck
beforeAll(async () => {
  deck = await readDeck('slides.md')
})

/** Timed sections: each slide with `minutes` opens one that runs to the next such slide. */
function sections(slides: DeckSlide[]) {
  const out: { opener: DeckSlide, planned: number, noteMinutes: number }[] = []
  for (const slide of slides) {
    if (slide.minutes !== undefined)
      out.push({ opener: slide, planned: slide.minutes, noteMinutes: 0 })
    if (out.length)
      out.at(-1)!.noteMinutes += readingMinutes(slide.notes)
  }
  return out
}

describe('the talk', () => {
  it('has 45–55 slides, dividers included', () => {
    expect(deck.slides.length).toBeGreaterThanOrEqual(45)
    expect(deck.slides.length).toBeLessThanOrEqual(55)
  })

  it('plans minutes that add up to the 45-minute slot, with at least 4 for questions at the end', () => {
    const timed = sections(deck.slides)
    expect(deck.durationMinutes).toBe(45)
    expect(timed[0].opener.no).toBe(1)
    expect(timed.reduce((sum, s) => sum + s.planned, 0)).toBe(45)
    const closing = timed.at(-1)!.opener
    expect(closing.frontmatter.layout).toBe('closing')
    expect(closing.minutes).toBeGreaterThanOrEqual(4)
  })

  it('numbers its chapter dividers 1, 2, 3 … and gives each its minutes', () => {
    const dividers = deck.slides.filter(s => s.frontmatter.layout === 'chapter')
    expect(dividers.map(s => s.frontmatter.chapter)).toEqual(dividers.map((_, i) => i + 1))
    for (const d of dividers)
      expect(d.minutes, `slide ${d.no} (${d.file}:${d.line})`).toBeGreaterThan(0)
  })

  it('has notes that take 36–41 minutes to say at 240 characters a minute', () => {
    const total = deck.slides.reduce((sum, s) => sum + readingMinutes(s.notes), 0)
    expect(total).toBeGreaterThanOrEqual(36)
    expect(total).toBeLessThanOrEqual(41)
  })

  it('fits every section\'s notes into its planned minutes', () => {
    for (const s of sections(deck.slides))
      expect(s.noteMinutes, `section at slide ${s.opener.no} (${s.opener.file}:${s.opener.line})`).toBeLessThanOrEqual(s.planned)
  })

  it('gives every slide but the cover notes, with click cues as [click] markers', () => {
    for (const slide of deck.slides.slice(1)) {
      expect(slide.notes, `slide ${slide.no} (${slide.file}:${slide.line})`).not.toBe('')
      expect(slide.notes).not.toMatch(/[（(]点击[)）]/)
    }
  })
})
