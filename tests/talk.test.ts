import type { Deck, DeckSlide } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
/**
 * The talk's own promises (issues #10 and #20, AUTHORING.md): its length in slides, the time its notes and
 * demos take, and planned minutes that add up to the headmatter's duration with time left for questions.
 * The talk runs from the cover to the closing slide; the Q&A backup slides and the references come after
 * it and sit in no section's budget. Reads the deck with Slidev's parser; no browser.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { readingMinutes, speakerParagraphs } from '../packages/slidev-addon-lectern/node/deck/notes.ts'

/** Time a demo step takes beyond its narration: the audience watches the model change. */
const DEMO_STEP_MINUTES = 20 / 60
const QUESTION_MINUTES = 4

let deck: Deck
/** Cover to closing slide, inclusive. */
let talk: DeckSlide[]
/** Live models: the components that keep their inputs in step across screens, so a slide with one is a demo. */
let liveModels: string[]
beforeAll(async () => {
  deck = await readDeck('slides.md')
  const closing = deck.slides.findIndex(s => s.frontmatter.layout === 'closing')
  talk = deck.slides.slice(0, closing + 1)
  liveModels = readdirSync('components')
    .filter(f => f.endsWith('.vue') && readFileSync(join('components', f), 'utf8').includes('useSyncedInputs'))
    .map(f => f.replace(/\.vue$/, ''))
})

/**
 * A demo's steps on this slide: each `[click]` in the notes of a slide hosting a live model (a scripted step),
 * and each stage direction there (a change made by hand). Other slides have none.
 */
function demoSteps(slide: DeckSlide): number {
  if (!liveModels.some(name => new RegExp(`<${name}[\\s/>]`).test(slide.content)))
    return 0
  return speakerParagraphs(slide.notes).filter(p => p.click || p.direction).length
}

/** Minutes a slide takes: its notes read aloud plus ~20 s a demo step. */
function spokenMinutes(slide: DeckSlide): number {
  return readingMinutes(slide.notes) + demoSteps(slide) * DEMO_STEP_MINUTES
}

/** Timed sections: each slide with `minutes` opens one that runs to the next such slide, within the talk. */
function sections(slides: DeckSlide[]) {
  const out: { opener: DeckSlide, planned: number, spoken: number }[] = []
  for (const slide of slides) {
    if (slide.minutes !== undefined)
      out.push({ opener: slide, planned: slide.minutes, spoken: 0 })
    if (out.length)
      out.at(-1)!.spoken += spokenMinutes(slide)
  }
  return out
}

const where = (s: DeckSlide) => `slide ${s.no} (${s.file}:${s.line})`

describe('the talk', () => {
  it('ends on a closing slide, followed only by backup slides and references', () => {
    expect(talk.at(-1)?.frontmatter.layout).toBe('closing')
    for (const slide of deck.slides.slice(talk.length)) {
      expect(slide.minutes, `${where(slide)} is after the closing slide: no section budget`).toBeUndefined()
      expect(slide.frontmatter.layout, where(slide)).not.toBe('chapter')
    }
  })

  it('has 45–55 slides up to and including the closing slide, dividers included', () => {
    expect(talk.length).toBeGreaterThanOrEqual(45)
    expect(talk.length).toBeLessThanOrEqual(55)
  })

  it('keeps Q&A backup slides after the closing slide, before the references', () => {
    const after = deck.slides.slice(talk.length)
    const firstReference = after.findIndex(s => /<References[\s/>]/.test(s.content))
    expect(firstReference, 'backup slides between the closing slide and the references').toBeGreaterThanOrEqual(3)
  })

  it('plans minutes that add up to the 45-minute slot, with at least 4 left for questions', () => {
    const timed = sections(talk)
    expect(deck.durationMinutes).toBe(45)
    expect(timed[0].opener.no).toBe(1)
    expect(timed.reduce((sum, s) => sum + s.planned, 0)).toBe(45)
    expect(timed.at(-1)!.opener.minutes).toBeGreaterThanOrEqual(QUESTION_MINUTES)
    const spoken = talk.reduce((sum, s) => sum + spokenMinutes(s), 0)
    expect(deck.durationMinutes - spoken, 'minutes left for questions').toBeGreaterThanOrEqual(QUESTION_MINUTES)
  })

  it('numbers its chapter dividers 1, 2, 3 … and gives each its minutes', () => {
    const dividers = deck.slides.filter(s => s.frontmatter.layout === 'chapter')
    expect(dividers.map(s => s.frontmatter.chapter)).toEqual(dividers.map((_, i) => i + 1))
    for (const d of dividers)
      expect(d.minutes, where(d)).toBeGreaterThan(0)
  })

  it('has notes that take 36–41 minutes to say at 240 characters a minute, up to the closing slide', () => {
    const total = talk.reduce((sum, s) => sum + readingMinutes(s.notes), 0)
    expect(total).toBeGreaterThanOrEqual(36)
    expect(total).toBeLessThanOrEqual(41)
  })

  it('fits every section\'s notes and demo steps (~20 s each) into its planned minutes', () => {
    expect(liveModels.length, 'live models found in components/').toBeGreaterThan(0)
    const over = sections(talk).filter(s => s.spoken > s.planned).map(s => `${where(s.opener)}: ${s.spoken.toFixed(2)} min of notes and demo steps, ${s.planned} planned`)
    expect(over).toEqual([])
  })

  it('gives every slide but the cover notes, with click cues as [click] markers', () => {
    for (const slide of deck.slides.slice(1)) {
      expect(slide.notes, where(slide)).not.toBe('')
      expect(slide.notes).not.toMatch(/[（(]点击[)）]/)
    }
  })
})

describe('demo steps', () => {
  const slide = (content: string, notes: string): DeckSlide => ({
    no: 2,
    title: 't',
    file: 'x.md',
    line: 1,
    notes,
    content,
    frontmatter: {},
  })

  it('counts each [click] and each stage direction on a slide with a live model, ~20 s each', () => {
    const name = liveModels[0]
    const s = slide(`<${name} :steps="[{}, {}]" />`, '说明。\n\n[click] 第一步。\n\n[click] 第二步。\n\n【提示】拖一下滑块。')
    expect(demoSteps(s)).toBe(3)
    expect(spokenMinutes(s)).toBeCloseTo(readingMinutes(s.notes) + 1, 6)
  })

  it('counts none on a slide without one, whatever its clicks', () => {
    expect(demoSteps(slide('<div v-click>要点</div>', '[click] 要点。\n\n【提示】指着图说。'))).toBe(0)
  })
})
