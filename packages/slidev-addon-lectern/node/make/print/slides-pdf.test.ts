import type { Trouble } from '../../core/browser.ts'
import type { Deck } from '../../deck/deck.ts'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { finishSlidesPdf, printErrors } from './slides-pdf.ts'

const deck = {
  title: '讲座',
  author: '讲者',
  info: '简介',
  infoText: '简介',
  keywords: [],
  lang: 'zh-CN',
  chapters: [],
  slides: [1, 2, 3].map(no => ({
    no,
    title: `第 ${no} 页`,
    file: 'slides/02-x.md',
    line: no * 10,
    notes: '',
    content: '',
    frontmatter: {},
  })),
} as unknown as Deck

async function pdfOf(pages: number) {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pages; i++) doc.addPage([735, 414])
  return doc.save()
}

describe('finishing the slides PDF', () => {
  it('keeps one page a slide, with the deck\'s title', async () => {
    const done = await PDFDocument.load(await finishSlidesPdf(await pdfOf(3), deck))
    expect(done.getPageCount()).toBe(3)
    expect(done.getTitle()).toBe('讲座')
  })

  it('names the slides wider than the page when Chromium put several slides on a page, and the fix', async () => {
    await expect(finishSlidesPdf(await pdfOf(2), deck, {
      wide: [2],
      tall: [],
    })).rejects.toThrow(
      'The print page produced 2 pages for 3 slides: content wider than the slide (Chromium shrinks every page to fit it) on slide 2 (slides/02-x.md:20) — make it fit the slide\'s width',
    )
    await expect(finishSlidesPdf(await pdfOf(2), deck)).rejects.toThrow(/2 pages for 3 slides: a slide overflows its page or failed to render/)
  })

  it('names the slides taller than the page when one spilled onto a page of its own', async () => {
    await expect(finishSlidesPdf(await pdfOf(4), deck, {
      wide: [],
      tall: [2],
    })).rejects.toThrow(
      'The print page produced 4 pages for 3 slides: content taller than the slide (it spills onto a page of its own) on slide 2 (slides/02-x.md:20) — make it fit the slide\'s height',
    )
  })
})

describe('printErrors', () => {
  const widget: Trouble = { kind: 'console', severity: 'error', what: 'console error: Failed to load Twitter widget after 10 retries.' }
  const thrown: Trouble = { kind: 'console', severity: 'error', what: 'console error: [deck] slide 2: Boom' }
  const leftOut: Trouble = {
    kind: 'request',
    severity: 'warning',
    what: 'request off the machine (allowed) got no answer (…), left out: https://platform.twitter.com/widgets.js',
    url: 'https://platform.twitter.com/widgets.js',
    remote: 'left out',
  }

  it('stops on every console error while every remote request was answered or blocked', () => {
    expect(printErrors([widget, thrown])).toEqual({
      errors: [widget, thrown],
      excused: [],
    })
  })

  it('once a remote request was left out, excuses the console errors that follow from it, not a slide that threw', () => {
    expect(printErrors([leftOut, widget, thrown])).toEqual({
      errors: [thrown],
      excused: [widget],
    })
  })
})
