/**
 * The slides PDF, printed from the built site (no dev server): Slidev's own print route renders
 * every slide at its final click; Chromium prints it as vector text with links; pdf-lib adds
 * metadata and bookmarks by chapter and slide.
 */
import type { Browser, Page } from 'playwright-chromium'
import type { Deck } from './deck.ts'
import { PDFDocument } from 'pdf-lib'
import { slidesOf } from './deck.ts'
import { setInfo, setOutline } from './pdf.ts'

export interface SlidesPdfOptions {
  browser: Browser
  /** URL of the served site, ending in its base path ('http://127.0.0.1:4000/' or '…/repo/'). */
  siteUrl: string
  deck: Deck
  dark?: boolean
  timeout?: number
  /** Reads the fully rendered print page before it is printed (tools/prerender.ts). */
  inspect?: (page: Page) => Promise<void>
}

export class SlideRenderError extends Error {}

export interface SlidesPdf {
  pdf: Uint8Array
  /** PNG of the cover slide, for the site's social preview image. */
  cover: Uint8Array
}

export async function renderSlidesPdf(options: SlidesPdfOptions): Promise<SlidesPdf> {
  const { browser, siteUrl, deck, dark = false, timeout = 120_000 } = options
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
  const errors: string[] = []
  page.on('pageerror', error => errors.push(error.stack ?? error.message))
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(message.text())
  })
  try {
    await page.goto(`${siteUrl}print?print=true`, { waitUntil: 'load', timeout })
    await page.emulateMedia({
      media: 'screen',
      colorScheme: dark ? 'dark' : 'light',
    })
    // Stop at the first error instead of waiting for a page that will never finish.
    let watch: ReturnType<typeof setInterval> | undefined
    const errorSeen = new Promise<void>((resolve) => {
      watch = setInterval(() => errors.length && resolve(), 200)
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
    await failOnBrokenSlides(page, deck, errors)
    await options.inspect?.(page)
    // Slidev breaks the page after every slide, the last one too: that would add a blank page.
    await page.addStyleTag({ content: '.print-slide-container:last-of-type { break-after: auto !important }' })
    // Page size = the print container Slidev drew (its height is rounded up from the aspect ratio).
    const size = await page.locator('.print-slide-container').first().boundingBox()
    const bytes = await page.pdf({
      width: `${size?.width ?? width}px`,
      height: `${size?.height ?? Math.ceil(width / deck.aspectRatio)}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
    })
    const cover = await page.locator('.print-slide-container').first().screenshot({ type: 'png' })
    return { pdf: await finishSlidesPdf(bytes, deck), cover }
  }
  finally {
    await context.close()
  }
}

async function waitForPrintReady(page: Page, expected: number, timeout: number) {
  await page.waitForFunction(
    n => document.querySelectorAll('.print-slide-container').length >= n
      && !document.querySelector('.slidev-slide-loading'),
    expected,
    { timeout },
  )
  await page.evaluate(async () => {
    await document.fonts.ready
    // Every image decoded, or the PDF would print a hole.
    await Promise.all(Array.from(document.images, img => img.decode().catch(() => {})))
  })
  // Mermaid renders off-screen first; wait until its scratch container is empty.
  await page.waitForFunction(() => !document.querySelector('#mermaid-rendering-container div'), undefined, { timeout })
}

/** A slide that threw, or rendered nothing, fails the export and is named. */
async function failOnBrokenSlides(page: Page, deck: Deck, errors: string[]) {
  const empty: number[] = await page.evaluate(() => Array.from(document.querySelectorAll('.print-slide-container'))
    .filter(el => !(el.querySelector('.slidev-page')?.textContent ?? '').trim() && !el.querySelector('svg, img, canvas'))
    .map(el => Number(el.id.split('-')[0])))
  const problems: string[] = []
  for (const no of empty) {
    const slide = deck.slides[no - 1]
    problems.push(`slide ${no} (${slide?.file}:${slide?.line}) rendered empty`)
  }
  for (const error of errors) {
    // setup/main.ts prefixes component errors with the slide they happened on.
    const no = Number(error.match(/^\[deck\] slide (\d+):/)?.[1] ?? 0)
    const slide = no
      ? deck.slides[no - 1]
      : undefined
    problems.push(`${slide
      ? `slide ${no} (${slide.file}:${slide.line})`
      : 'while rendering'}: ${error.split('\n')[0]}`)
  }
  if (problems.length)
    throw new SlideRenderError(`Export stopped — fix the slide and run again:\n  ${problems.join('\n  ')}`)
}

/** Metadata and bookmarks: chapters at the top level, slide titles under them. */
export async function finishSlidesPdf(bytes: Uint8Array, deck: Deck): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes)
  if (doc.getPageCount() !== deck.slides.length)
    throw new SlideRenderError(`The print page produced ${doc.getPageCount()} pages for ${deck.slides.length} slides — a slide overflows its page or failed to render`)
  setInfo(doc, {
    title: deck.title,
    author: deck.author,
    subject: deck.info,
    keywords: deck.keywords,
    lang: deck.lang,
  })
  setOutline(doc, deck.chapters.map(chapter => ({
    title: chapter.title,
    page: chapter.firstSlide - 1,
    children: slidesOf(deck, chapter).map(s => ({ title: `${s.no}. ${s.title}`, page: s.no - 1 })),
  })))
  return doc.save()
}
