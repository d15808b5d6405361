/**
 * The handout: A4 pages that put each slide beside what the speaker says.
 * Chromium prints the page frames (header, notes rendered by markdown-it, page numbers) with
 * empty boxes; pdf-lib then draws the real slide pages from the slides PDF into those boxes,
 * so slides stay vector and their text stays searchable.
 */
import type { Browser } from 'playwright-chromium'
import type { Deck, DeckSlide } from './deck.ts'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { PDFDocument, rgb } from 'pdf-lib'
import { slidesOf } from './deck.ts'
import { setInfo, setOutline } from './pdf.ts'

export type HandoutLayout = 1 | 2 | 6
export const HANDOUT_LAYOUTS: HandoutLayout[] = [1, 2, 6]

const SLIDES_PER_PAGE: Record<HandoutLayout, number> = { 1: 1, 2: 2, 6: 6 }
const REFERENCES_PER_PAGE = 16
const require = createRequire(import.meta.url)
const FONT_DIR = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'))
const MONO_DIR = dirname(require.resolve('@fontsource/jetbrains-mono/package.json'))
const LATIN_DIR = dirname(require.resolve('@fontsource/noto-sans/package.json'))

// html: false — a note that holds <script> or raw HTML is shown as text, never run.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })

export interface HandoutOptions {
  browser: Browser
  deck: Deck
  slidesPdf: Uint8Array
  layout?: HandoutLayout
  /** Printed on the cover; defaults to today. */
  date?: string
  /** Any http(s) origin the browser may load from; the handout's own files are served by routing. */
  origin: string
}

interface Page {
  chapter: string
  body: string
  /** Outline entry starting on this page. */
  bookmark?: string
}

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

function slideBlock(slide: DeckSlide, layout: HandoutLayout): string {
  const box = `<div class="slide-box" data-slide="${slide.no}"></div>`
  if (layout === 6)
    return `<figure class="thumb">${box}<figcaption>${slide.no}. ${escape(slide.title)}</figcaption></figure>`
  const notes = slide.notes
    ? markdown.render(slide.notes)
    : '<p class="no-notes">（本页无讲稿）</p>'
  return `<section class="entry">${box}<div class="notes"><h2>${slide.no}. ${escape(slide.title)}</h2>${notes}</div></section>`
}

function buildPages(deck: Deck, layout: HandoutLayout, date: string): Page[] {
  const pages: Page[] = []
  const agenda = deck.chapters.map(c => `<li><span class="chapter">${escape(c.title)}</span><span>幻灯片 ${c.firstSlide}</span></li>`).join('')
  pages.push({
    chapter: '',
    bookmark: '封面与目录',
    body: `<div class="cover">
      <p class="kicker">讲义 · Handout</p>
      <h1>${escape(deck.title)}</h1>
      <p class="info">${escape(deck.info)}</p>
      <p class="meta">${escape(deck.author)} · ${escape(date)} · 共 ${deck.slides.length} 页幻灯片</p>
      <h2>目录</h2><ol class="agenda">${agenda}</ol></div>`,
  })
  const perPage = SLIDES_PER_PAGE[layout]
  // Start each chapter on a fresh page, so bookmarks and running headers are exact.
  for (const chapter of deck.chapters) {
    const slides = slidesOf(deck, chapter)
    for (let i = 0; i < slides.length; i += perPage) {
      pages.push({
        chapter: chapter.title,
        bookmark: i === 0
          ? chapter.title
          : undefined,
        body: `<div class="layout-${layout}">${slides.slice(i, i + perPage).map(s => slideBlock(s, layout)).join('')}</div>`,
      })
    }
  }
  for (let i = 0; i < deck.references.length; i += REFERENCES_PER_PAGE) {
    const items = deck.references.slice(i, i + REFERENCES_PER_PAGE)
      .map(r => `<li><b>${escape(r.authors)}</b>. ${escape(r.title)}. <i>${escape(r.venue)}</i>, ${r.year}.${r.url
        ? ` <a href="${escape(r.url)}">${escape(r.url)}</a>`
        : ''}</li>`)
      .join('')
    pages.push({
      chapter: '参考文献',
      bookmark: i === 0
        ? '参考文献'
        : undefined,
      body: `<h1 class="refs-title">参考文献</h1><ol class="refs" start="${i + 1}">${items}</ol>`,
    })
  }
  return pages
}

const HANDOUT_CSS = `
@page { size: A4; margin: 0 }
* { box-sizing: border-box }
html, body { margin: 0; font-family: 'Noto Sans SC', 'Noto Sans', sans-serif; color: #1a1a1a; }
code { font-family: 'JetBrains Mono', 'Noto Sans SC', 'Noto Sans', monospace; font-size: .92em; background: #f1f3f5; padding: 0 .25em; border-radius: 2px }
a { color: #1d4ed8; text-decoration: none; word-break: break-all }
.page { width: 210mm; height: 297mm; padding: 12mm 14mm 14mm; position: relative; overflow: hidden; break-after: page; display: flex; flex-direction: column }
.page > header { display: flex; justify-content: space-between; font-size: 8pt; color: #555; border-bottom: .3mm solid #ccc; padding-bottom: 1.5mm; margin-bottom: 5mm }
.page > main { flex: 1; min-height: 0 }
.page > footer { position: absolute; bottom: 7mm; left: 0; right: 0; text-align: center; font-size: 8pt; color: #555 }
.slide-box { aspect-ratio: 16 / 9; flex: none }
.notes h2 { font-size: 11pt; margin: 0 0 2mm }
.notes p, .notes li { margin: 0 0 1.6mm; line-height: 1.55 }
.notes ul, .notes ol { padding-left: 5mm; margin: 0 0 1.6mm }
.no-notes { color: #666 }
.layout-1 { display: flex; flex-direction: column; height: 100% }
.layout-1 .entry { display: flex; flex-direction: column; gap: 5mm; height: 100% }
.layout-1 .slide-box { width: 182mm }
.layout-1 .notes { flex: 1; min-height: 0; overflow: hidden; font-size: 10.5pt }
.layout-2 { display: grid; grid-template-rows: 1fr 1fr; gap: 6mm; height: 100% }
.layout-2 .entry { display: grid; grid-template-columns: 100mm 1fr; gap: 5mm; min-height: 0 }
.layout-2 .slide-box { width: 100mm; align-self: start }
.layout-2 .notes { overflow: hidden; font-size: 9pt; min-height: 0 }
.layout-6 { display: grid; grid-template-columns: 1fr 1fr; grid-template-rows: repeat(3, auto); gap: 8mm 6mm; align-content: start }
.layout-6 .slide-box { width: 88mm }
.layout-6 figure { margin: 0 }
.layout-6 figcaption { font-size: 8.5pt; margin-top: 1.5mm; color: #333 }
.cover { padding-top: 28mm }
.cover .kicker { color: #1d4ed8; font-weight: 700; letter-spacing: .1em }
.cover h1 { font-size: 28pt; margin: 2mm 0 6mm }
.cover .info { font-size: 11pt; line-height: 1.6; color: #333 }
.cover .meta { font-size: 10pt; color: #555; margin-bottom: 14mm }
.cover h2 { font-size: 13pt; border-bottom: .3mm solid #ccc; padding-bottom: 2mm }
.agenda { font-size: 10.5pt; line-height: 2; padding-left: 6mm }
.agenda .chapter { display: inline-block; width: 120mm; font-weight: 700 }
.refs-title { font-size: 16pt; margin: 0 0 4mm }
.refs { font-size: 9pt; line-height: 1.5; padding-left: 7mm }
.refs li { margin-bottom: 2mm }
`

function pageHtml(deck: Deck, pages: Page[]): string {
  const frames = pages.map((page, i) => `<div class="page">
    <header><span>${escape(deck.title)}</span><span>${escape(page.chapter)}</span></header>
    <main>${page.body}</main>
    <footer>第 ${i + 1} 页 / 共 ${pages.length} 页</footer></div>`).join('')
  return `<!doctype html><html lang="${escape(deck.lang)}"><head><meta charset="utf-8"><title>${escape(deck.title)} — 讲义</title>
<link rel="stylesheet" href="fonts/sans/400.css"><link rel="stylesheet" href="fonts/sans/700.css"><link rel="stylesheet" href="fonts/latin/400.css"><link rel="stylesheet" href="fonts/latin/700.css"><link rel="stylesheet" href="fonts/mono/400.css">
<style>${HANDOUT_CSS}</style></head><body>${frames}</body></html>`
}

/** Shrinks notes that would not fit their box, in 0.5 pt steps, so nothing is cut off. */
async function fitNotes(page: import('playwright-chromium').Page) {
  return page.evaluate(() => {
    const cut: string[] = []
    for (const notes of Array.from(document.querySelectorAll<HTMLElement>('.notes'))) {
      let size = Number.parseFloat(getComputedStyle(notes).fontSize) * 0.75
      while (notes.scrollHeight > notes.clientHeight + 1 && size > 6.5) {
        size -= 0.5
        notes.style.fontSize = `${size}pt`
      }
      if (notes.scrollHeight > notes.clientHeight + 1)
        cut.push(notes.querySelector('h2')?.textContent ?? '?')
    }
    return cut
  })
}

export async function renderHandout(options: HandoutOptions): Promise<Uint8Array> {
  const { browser, deck, slidesPdf, layout = 1, origin } = options
  const date = options.date ?? new Date().toISOString().slice(0, 10)
  const pages = buildPages(deck, layout, date)
  const base = `${origin.replace(/\/$/, '')}/__handout/`
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    await page.route(`${base}**`, async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^.*\/__handout\//, '')
      if (path === 'index.html') {
        return route.fulfill({
          body: pageHtml(deck, pages),
          contentType: 'text/html; charset=utf-8',
        })
      }
      const font = path.match(/^fonts\/(sans|latin|mono)\/(.+)$/)
      if (font) {
        return route.fulfill({
          path: join({ sans: FONT_DIR, latin: LATIN_DIR, mono: MONO_DIR }[font[1]]!, font[2]),
        })
      }
      return route.fulfill({ status: 404 })
    })
    await page.goto(`${base}index.html`, { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    const cut = await fitNotes(page)
    if (cut.length)
      console.warn(`handout: notes too long to fit even at 6.5 pt, shorten them: ${cut.join('; ')}`)
    // Where each slide goes, in CSS px from each page's top-left corner.
    const boxes = await page.evaluate(() => Array.from(document.querySelectorAll('.page')).flatMap((frame, index) => {
      const origin = frame.getBoundingClientRect()
      return Array.from(frame.querySelectorAll<HTMLElement>('.slide-box')).map((box) => {
        const r = box.getBoundingClientRect()
        return {
          page: index,
          slide: Number(box.dataset.slide),
          x: r.left - origin.left,
          y: r.top - origin.top,
          width: r.width,
          height: r.height,
        }
      })
    }))
    const printed = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    const doc = await PDFDocument.load(printed)
    if (doc.getPageCount() !== pages.length)
      throw new Error(`handout: Chromium printed ${doc.getPageCount()} pages for ${pages.length} page frames — a frame overflowed`)
    const slides = await doc.embedPdf(slidesPdf, deck.slides.map(s => s.no - 1))
    const pxToPt = 72 / 96
    for (const box of boxes) {
      const target = doc.getPage(box.page)
      const frame = {
        x: box.x * pxToPt,
        y: target.getHeight() - (box.y + box.height) * pxToPt,
        width: box.width * pxToPt,
        height: box.height * pxToPt,
      }
      target.drawPage(slides[box.slide - 1], frame)
      // A hairline frame, so white slides stand out from the white page.
      target.drawRectangle({
        ...frame,
        borderColor: rgb(0.7, 0.7, 0.7),
        borderWidth: 0.5,
      })
    }
    setInfo(doc, {
      title: `${deck.title} — 讲义`,
      author: deck.author,
      subject: deck.info,
      keywords: deck.keywords,
      lang: deck.lang,
    })
    setOutline(doc, pages.flatMap((p, i) => p.bookmark
      ? [
          { title: p.bookmark, page: i },
        ]
      : []))
    return await doc.save()
  }
  finally {
    await context.close()
  }
}
