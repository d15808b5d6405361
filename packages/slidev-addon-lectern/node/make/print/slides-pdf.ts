/**
 * The slides PDF, printed from the built site (no dev server): Slidev's own print route renders
 * every slide at its final click; Chromium prints it as vector text with links; pdf-lib adds
 * metadata and bookmarks by chapter and slide.
 */
import type { Browser, Page } from 'playwright-chromium'
import type { Trouble } from '../../core/browser.ts'
import type { Deck } from '../../deck/deck.ts'
import { PDFDocument } from 'pdf-lib'
import { SLIDEV } from '../../../shared/slidev-internals.ts'
import { watchPage } from '../../core/browser.ts'
import { setInfo, setOutline } from '../../core/pdf.ts'
import { sectionsOf } from '../../deck/deck.ts'

export interface SlidesPdfOptions {
  browser: Browser
  /** URL of the served site, ending in its base path ('http://127.0.0.1:4000/' or '…/repo/'). */
  siteUrl: string
  deck: Deck
  dark?: boolean
  timeout?: number
  /** Let the deck load remote assets, with one warning per URL (default: blocked, and the export stops naming them). */
  allowRemote?: boolean
  /** Where warnings go (allowed remote URLs). */
  warn?: (line: string) => void
}

export class SlideRenderError extends Error {}

export interface SlidesPdf {
  pdf: Uint8Array
  /** PNG of the cover slide, for the site's social preview image. */
  cover: Uint8Array
}

export interface PrintPage {
  /** Slidev's print route with every slide rendered at its final click, checked for errors. */
  page: Page
  close: () => Promise<void>
}

/** Opens Slidev's print route of the built site and waits until every slide is drawn; a broken slide throws. */
export async function openPrintPage(options: SlidesPdfOptions): Promise<PrintPage> {
  const { browser, siteUrl, deck, dark = false, timeout = 120_000, warn = console.warn } = options
  const width = deck.canvasWidth
  // Scale 1.25 makes the cover screenshot 1225 px wide, the size social previews ask for.
  const context = await browser.newContext({
    viewport: {
      width,
      height: Math.ceil(width / deck.aspectRatio),
    },
    deviceScaleFactor: 1.25,
    colorScheme: dark ? 'dark' : 'light',
  })
  const page = await context.newPage()
  const troubles = await watchPage(page, { allowRemote: options.allowRemote })
  const errors = (): Trouble[] => printErrors(troubles).errors
  try {
    await page.goto(`${siteUrl}${SLIDEV.printRoute}`, { waitUntil: 'load', timeout })
    await page.emulateMedia({
      media: 'screen',
      colorScheme: dark ? 'dark' : 'light',
    })
    // Stop at the first error instead of waiting for a page that will never finish.
    let watch: ReturnType<typeof setInterval> | undefined
    const errorSeen = new Promise<void>((resolve) => {
      watch = setInterval(() => errors().length && resolve(), 200)
    })
    try {
      await Promise.race([
        waitForPrintReady(page, deck.slides.length, timeout),
        errorSeen,
      ])
    }
    finally {
      clearInterval(watch)
    }
    if (errors().some(t => t.kind === 'request')) {
      // A failed request does not stop the page: let the slides render (briefly) so it can be pinned on the one using it.
      await waitForPrintReady(page, deck.slides.length, 15_000).catch(() => {})
    }
    await failOnBrokenSlides(page, deck, errors())
    for (const t of troubles.filter(t => t.remote === 'allowed' || t.remote === 'left out')) {
      warn(`warning: ${await whereUsed(page, deck, t.url)}: ${t.what} — ${t.remote === 'allowed'
        ? 'the PDF depends on that server'
        : 'printed without it'}`)
    }
    for (const t of printErrors(troubles).excused)
      warn(`warning: while rendering: ${t.what} — most likely because a remote request was left out (above)`)
    return {
      page,
      close: () => context.close(),
    }
  }
  catch (error) {
    await context.close()
    throw error
  }
}

/**
 * What stops a print. Console warnings are Vue's and Slidev's chatter, not faults of the print; allowed remote
 * URLs are warned about. A console error once a remote request was left out is most likely the consequence (a
 * widget whose script never came: Slidev's <Tweet> gives up after 10 s): `excused`, a warning like the request.
 * A component that threw is named by setup/main.ts (`[deck] slide N:`) and still stops the print.
 */
export function printErrors(troubles: Trouble[]): { errors: Trouble[], excused: Trouble[] } {
  const leftOut = troubles.some(t => t.remote === 'left out')
  const excusable = (t: Trouble): boolean => leftOut && t.kind === 'console' && !/\[deck\] slide \d+:/.test(t.what)
  const all = troubles.filter(t => t.severity === 'error')
  return {
    errors: all.filter(t => !excusable(t)),
    excused: all.filter(excusable),
  }
}

/** The slides PDF from an open print page (before a handout rearranges it). */
export async function printSlides(page: Page, deck: Deck): Promise<SlidesPdf> {
  // Slidev breaks the page after every slide, the last one too: that would add a blank page.
  await page.addStyleTag({ content: `${SLIDEV.printSlide}:last-of-type { break-after: auto !important }` })
  // Page size = the print container Slidev drew (its height is rounded up from the aspect ratio).
  const size = await page.locator(SLIDEV.printSlide).first().boundingBox()
  const bytes = await page.pdf({
    width: `${size?.width ?? deck.canvasWidth}px`,
    height: `${size?.height ?? Math.ceil(deck.canvasWidth / deck.aspectRatio)}px`,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
  })
  const cover = await page.locator(SLIDEV.printSlide).first().screenshot({ type: 'png' })
  return { pdf: await finishSlidesPdf(bytes, deck, await page.evaluate(oversizeSlides, SLIDEV)), cover }
}

async function waitForPrintReady(page: Page, expected: number, timeout: number) {
  await page.waitForFunction(
    ([n, S]) => document.querySelectorAll(S.printSlide).length >= n && !document.querySelector(S.slideLoading),
    [expected, SLIDEV] as const,
    { timeout },
  )
  await page.evaluate(async () => {
    await document.fonts.ready
    // Every image decoded, or the PDF would print a hole.
    await Promise.all(Array.from(document.images, img => img.decode().catch(() => {})))
  })
  // Mermaid renders off-screen first; wait until its scratch container is empty.
  await page.waitForFunction(S => !document.querySelector(`${S.mermaidScratch} div`), SLIDEV, { timeout })
  // Slides are async components: on a busy machine a container can still be blank before Slidev shows
  // its loading mark. Give them time to fill in; one that stays blank is reported by failOnBrokenSlides.
  const deadline = Date.now() + Math.min(timeout, 30_000)
  while ((await page.evaluate(emptySlideNumbers, SLIDEV)).length && Date.now() < deadline)
    await page.waitForTimeout(250)
}

/** Numbers of the print page's slides that show nothing: no text, no picture. Runs in the page. */
function emptySlideNumbers(S: typeof SLIDEV): number[] {
  return Array.from(document.querySelectorAll(S.printSlide))
    .filter(el => !(el.querySelector(`.${S.pageClass}`)?.textContent ?? '').trim() && !el.querySelector('svg, img, canvas'))
    .map(el => Number(el.id.split('-')[0]))
}

/** Numbers of the print page's slides whose content is wider, or taller, than the slide (clipped on screen). Runs in the page. */
function oversizeSlides(S: typeof SLIDEV): Oversize {
  const slides = Array.from(document.querySelectorAll<HTMLElement>(S.printSlide))
  const numbers = (over: (el: HTMLElement) => boolean) => slides.filter(over).map(el => Number(el.id.split('-')[0]))
  return {
    wide: numbers(el => el.scrollWidth > el.clientWidth + 1),
    tall: numbers(el => el.scrollHeight > el.clientHeight + 1),
  }
}

export interface Oversize {
  wide: number[]
  tall: number[]
}

/** `slide N (file:line)` for slide number `no`, or `while rendering` when unknown. */
function slideName(deck: Deck, no: number): string {
  const slide = no
    ? deck.slides[no - 1]
    : undefined
  return slide
    ? `slide ${no} (${slide.file}:${slide.line})`
    : 'while rendering'
}

/** The slide whose markup references `url` (img, source, CSS url() …), as `slide N (file:line)`; a stylesheet's font has none. */
async function whereUsed(page: Page, deck: Deck, url: string | undefined): Promise<string> {
  if (!url)
    return slideName(deck, 0)
  const no = await page.evaluate(([url, S]) => {
    const attributes = [
      '[src]',
      '[srcset]',
      '[poster]',
      '[href]',
      '[data]',
      '[style*="url("]',
    ].map(a => `${S.printSlide} ${a}`).join(', ')
    for (const el of document.querySelectorAll<HTMLElement>(attributes)) {
      const values = [
        el.getAttribute('src'),
        el.getAttribute('poster'),
        el.getAttribute('href'),
        el.getAttribute('data'),
        ...(el.getAttribute('srcset') ?? '').split(',').map(p => p.trim().split(/\s+/)[0]),
        ...[
          ...el.style.cssText.matchAll(/url\(["']?([^"')]+)["']?\)/g),
        ].map(m => m[1]),
      ]
      if (values.some(v => v && new URL(v, document.baseURI).href === url))
        return Number(el.closest(S.printSlide)?.id.split('-')[0]) || 0
    }
    return 0
  }, [url, SLIDEV] as const)
  return no
    ? slideName(deck, no)
    : 'the deck\'s styles or scripts (no slide shows it)'
}

/** A slide that threw or rendered nothing, or a request that failed, stops the export and is named. */
async function failOnBrokenSlides(page: Page, deck: Deck, errors: Trouble[]) {
  const empty = await page.evaluate(emptySlideNumbers, SLIDEV)
  const problems = empty.map(no => `${slideName(deck, no)} rendered empty`)
  for (const error of errors) {
    if (error.kind === 'console' && error.what.includes('Failed to load resource'))
      continue // the request itself is reported, with its URL
    if (error.kind === 'request') {
      const fix = error.remote === 'blocked'
        ? ' — put the file in public/ and link it with an absolute path, or export with --allow-remote'
        : ''
      problems.push(`${await whereUsed(page, deck, error.url)}: ${error.what}${fix}`)
      continue
    }
    // setup/main.ts prefixes component errors with the slide they happened on.
    const no = Number(error.what.match(/\[deck\] slide (\d+):/)?.[1] ?? 0)
    problems.push(`${slideName(deck, no)}: ${error.what.replace(/^(?:console error|page error): /, '').split('\n')[0]}`)
  }
  if (problems.length)
    throw new SlideRenderError(`Export stopped — fix the slide and run again:\n  ${problems.join('\n  ')}`)
}

/**
 * Metadata and bookmarks: chapters at the top level, slide titles under them. `oversize`: slides whose
 * content is wider than the slide (Chromium shrinks every printed page to fit the widest, which puts
 * several slides on a page) or taller (it spills onto a page of its own), named when the page count is wrong.
 */
export async function finishSlidesPdf(bytes: Uint8Array, deck: Deck, oversize: Oversize = { wide: [], tall: [] }): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes)
  if (doc.getPageCount() !== deck.slides.length) {
    const names = (nos: number[]) => `${nos.slice(0, 5).map(no => slideName(deck, no)).join(', ')}${nos.length > 5
      ? ` and ${nos.length - 5} more`
      : ''}`
    const cause = oversize.wide.length
      ? `content wider than the slide (Chromium shrinks every page to fit it) on ${names(oversize.wide)} — make it fit the slide's width`
      : oversize.tall.length
        ? `content taller than the slide (it spills onto a page of its own) on ${names(oversize.tall)} — make it fit the slide's height`
        : 'a slide overflows its page or failed to render'
    throw new SlideRenderError(`The print page produced ${doc.getPageCount()} pages for ${deck.slides.length} slides: ${cause}`)
  }
  setInfo(doc, {
    title: deck.title,
    author: deck.author,
    subject: deck.infoText,
    keywords: deck.keywords,
    lang: deck.lang,
  })
  // The opening's slides (before the first chapter) stand on their own; each chapter holds its slides.
  setOutline(doc, sectionsOf(deck).flatMap(({ chapter, slides }) => {
    const items = slides.map(s => ({ title: `${s.no}. ${s.title}`, page: s.no - 1 }))
    return chapter
      ? [
          { title: chapter.title, page: chapter.firstSlide - 1, children: items },
        ]
      : items
  }))
  return doc.save()
}
