/**
 * The handouts: A4 pages that put each slide beside what is said about it.
 * - the attendee handout (`handout.pdf`, linked from the site): the narration, without stage directions
 *   and click markers (node/deck/notes.ts);
 * - the speaker handout (`handout-speaker.pdf`, never in the site): every note, stage directions marked.
 *
 * Printed as one tagged PDF by Chromium from Slidev's own print page: the page frames are added to that
 * page and the rendered slides are moved into them, scaled. So slides stay live HTML — vector, searchable,
 * in the structure tree — and the reading order is slide, then its notes. pdf-lib only adds the outline
 * and metadata afterwards, which keeps the tags (embedding PDF pages with pdf-lib would drop them).
 */
import type { Page } from 'playwright-chromium'
import type { OutlineItem } from '../../core/pdf.ts'
import type { Deck, DeckSlide } from '../../deck/deck.ts'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { escapeHtml } from '@vue/shared'
import { PDFDocument } from 'pdf-lib'
import { messages } from '../../../shared/messages.ts'
import { SLIDEV } from '../../../shared/slidev-internals.ts'
import { setInfo, setOutline } from '../../core/pdf.ts'
import { sectionsOf, slidesOf } from '../../deck/deck.ts'
import { attendeeNarration, renderMarkdown, speakerParagraphs } from '../../deck/notes.ts'
import { qrSvg, talkLine } from '../../deck/talk.ts'

export type HandoutLayout = 1 | 2 | 6
export const HANDOUT_LAYOUTS: HandoutLayout[] = [1, 2, 6]
/** Two slides with their notes on an A4 page. */
export const DEFAULT_HANDOUT_LAYOUT: HandoutLayout = 2
export type HandoutAudience = 'attendee' | 'speaker'

const REFERENCES_PER_PAGE = 16
/** Notes shrink to fit their box down to this size, never below (7 pt reads on paper). */
const MIN_NOTES_PT = 7
/** Notes shrink to this size before the slides beside them narrow. */
const COMFORT_NOTES_PT = 8.5
const require = createRequire(import.meta.url)
const FONT_DIRS: Record<string, string> = {
  sans: dirname(require.resolve('@fontsource/noto-sans-sc/package.json')),
  latin: dirname(require.resolve('@fontsource/noto-sans/package.json')),
}

/** Each layout and audience has its own file, so printing one never replaces another. */
export function handoutName(audience: HandoutAudience, layout: HandoutLayout = DEFAULT_HANDOUT_LAYOUT): string {
  const name = audience === 'speaker'
    ? 'handout-speaker'
    : 'handout'
  return layout === DEFAULT_HANDOUT_LAYOUT
    ? `${name}.pdf`
    : `${name}-${layout}up.pdf`
}

export interface HandoutOptions {
  /** Slidev's print page of the built site, every slide rendered (node/make/print/slides-pdf.ts `openPrintPage`). */
  page: Page
  deck: Deck
  layout?: HandoutLayout
  audience?: HandoutAudience
}

interface HandoutPage {
  chapter: string
  body: string
  bookmark?: string
  slides: number[]
}

function notesHtml(slide: DeckSlide, audience: HandoutAudience, lang: string): string {
  if (audience === 'attendee') {
    const narration = attendeeNarration(slide.notes)
    return narration
      ? renderMarkdown(narration)
      : ''
  }
  return speakerParagraphs(slide.notes).map(({ text, click, direction }) => {
    let html = renderMarkdown(text)
    if (click)
      html = html.replace(/^<(p|ul|ol)>/, `<$1><span class="cue">${messages(lang).clickCue}</span> `)
    return direction
      ? `<div class="direction">${html}</div>`
      : html
  }).join('')
}

function slideBlock(slide: DeckSlide, layout: HandoutLayout, audience: HandoutAudience, lang: string): string {
  const box = `<div class="slide-box" data-slide="${slide.no}"></div>`
  const heading = `${slide.no}. ${escapeHtml(slide.title)}`
  if (layout === 6)
    return `<figure class="thumb">${box}<figcaption>${heading}</figcaption></figure>`
  const notes = notesHtml(slide, audience, lang)
  return `<article class="entry">${box}<div class="notes"><h3>${heading}</h3>${notes}</div></article>`
}

async function coverHtml(deck: Deck, audience: HandoutAudience): Promise<string> {
  const t = messages(deck.lang)
  // A chapter is named by its first slide; "参考文献（一）" of a list split over slides is "参考文献" in the contents.
  const agenda = deck.chapters.map(c => `<li><span class="chapter">${escapeHtml(c.title.replace(/\s*[（(][一二三四五六七八九十\d]+[）)]$/, ''))}</span><span>${t.slideNo(c.firstSlide)}</span></li>`).join('')
  const who = talkLine(deck.talk)
  const site = deck.talk.siteUrl
    ? `<figure class="site">${await qrSvg(deck.talk.siteUrl)}<figcaption>${t.siteCaption}<br><a href="${escapeHtml(deck.talk.siteUrl)}">${escapeHtml(deck.talk.siteUrl)}</a></figcaption></figure>`
    : ''
  return `<div class="cover">
      <p class="kicker">${audience === 'speaker'
        ? t.speakerKicker
        : t.handout}</p>
      <h1>${escapeHtml(deck.title)}</h1>
      ${deck.info
        ? `<div class="info">${renderMarkdown(deck.info)}</div>`
        : ''}
      ${who
        ? `<p class="meta">${escapeHtml(who)}</p>`
        : ''}
      ${site}
      ${agenda
        ? `<h2>${t.contents}</h2><ol class="agenda">${agenda}</ol>`
        : ''}</div>`
}

async function buildPages(deck: Deck, layout: HandoutLayout, audience: HandoutAudience): Promise<HandoutPage[]> {
  const t = messages(deck.lang)
  const pages: HandoutPage[] = [
    {
      chapter: '',
      bookmark: deck.chapters.length
        ? t.coverBookmark
        : deck.title,
      body: await coverHtml(deck, audience),
      slides: [],
    },
  ]
  // Start each chapter on a fresh page, so bookmarks and running headers are exact. The opening (slides
  // before the first chapter) has no heading and no bookmark of its own: its slides are bookmarked one by one.
  for (const { chapter, slides } of sectionsOf(deck)) {
    for (let i = 0; i < slides.length; i += layout) {
      const here = slides.slice(i, i + layout)
      pages.push({
        chapter: chapter?.title ?? '',
        bookmark: i === 0
          ? chapter?.title
          : undefined,
        body: `${i === 0 && chapter
          ? `<h2 class="chapter-title">${escapeHtml(chapter.title)}</h2>`
          : ''}<div class="layout-${layout}">${here.map(s => slideBlock(s, layout, audience, deck.lang)).join('')}</div>`,
        slides: here.map(s => s.no),
      })
    }
  }
  for (let i = 0; i < deck.references.length; i += REFERENCES_PER_PAGE) {
    const items = deck.references.slice(i, i + REFERENCES_PER_PAGE)
      .map(r => `<li><b>${escapeHtml(r.authors)}</b>. ${escapeHtml(r.title)}. <i>${escapeHtml(r.venue)}</i>, ${r.year}.${r.url
        ? ` <a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>`
        : ''}</li>`)
      .join('')
    pages.push({
      chapter: t.references,
      bookmark: i === 0
        ? t.references
        : undefined,
      body: `${i === 0
        ? `<h2 class="chapter-title refs-title">${t.references}</h2>`
        : ''}<ol class="refs" start="${i + 1}">${items}</ol>`,
      slides: [],
    })
  }
  return pages
}

// Scoped under #deck-handout, and never reaching into a slide: the page also holds Slidev's print styles,
// and each slide box takes on what the slide inherited on the print page (\`INHERITED\`), so a slide is
// drawn as in the slides PDF. The one exception: citations on the slides grow (in layouts 1 and 2) so
// that, scaled down, they still print at 7 pt or more. A page is `contain: strict`: without it the slides'
// layout (980 px wide, scaled down in their boxes) counts as overflow, and Chromium shrank every printed page
// to fit it (to 0.81–0.87: a blank band at the foot and the right, notes at 6 pt where the layout said 7).
const HANDOUT_CSS = `
@page { size: A4; margin: 0 }
html, body { height: auto !important; overflow: visible !important; background: #fff !important; margin: 0 }
body > ${SLIDEV.appRoot} { display: none !important }
#deck-handout { font-family: 'Deck Sans', 'Noto Sans SC', 'Noto Sans', sans-serif; color: #1a1a1a; font-size: 10pt }
#deck-handout :not(.slide-box, .slide-box *) { box-sizing: border-box }
#deck-handout :is(.notes, .cover, .refs) a { color: #1d4ed8; text-decoration: none; word-break: break-all }
#deck-handout :is(.notes, .cover) code { font-family: 'JetBrains Mono', 'Deck Sans', 'Noto Sans SC', monospace; font-size: .92em; background: #f1f3f5; padding: 0 .25em; border-radius: 2px }
#deck-handout .page { width: 210mm; height: 297mm; padding: 12mm 14mm 14mm; position: relative; overflow: hidden; contain: strict; break-after: page; display: flex; flex-direction: column; background: #fff }
#deck-handout .page:last-child { break-after: auto }
#deck-handout .page > header { display: flex; justify-content: space-between; font-size: 8pt; color: #555; border-bottom: .3mm solid #ccc; padding-bottom: 1.5mm; margin-bottom: 4mm }
#deck-handout .page > main { flex: 1; min-height: 0; overflow: hidden; display: flex; flex-direction: column }
#deck-handout .page > footer { position: absolute; bottom: 7mm; left: 0; right: 0; text-align: center; font-size: 8pt; color: #555 }
#deck-handout .chapter-title { font-size: 13pt; margin: 0 0 3mm; color: #1d4ed8 }
#deck-handout .slide-box { flex: none; overflow: hidden; outline: .2mm solid #bbb; position: relative; background: #fff }
#deck-handout .slide-box > ${SLIDEV.printSlide} { transform-origin: 0 0; position: absolute; top: 0; left: 0; margin: 0 !important }
#deck-handout .notes h3 { font-size: 1em; margin: 0 0 1.5mm }
#deck-handout .notes p, #deck-handout .notes li { margin: 0 0 1.4mm; line-height: 1.5 }
#deck-handout .notes ul, #deck-handout .notes ol { padding-left: 5mm; margin: 0 0 1.4mm }
#deck-handout .notes .cue { font-size: .85em; font-weight: 700; color: #1d4ed8 }
#deck-handout .notes .direction { border-left: .8mm solid #b45309; padding-left: 2mm; color: #7c2d12; font-style: italic }
#deck-handout .layout-1, #deck-handout .layout-2 { display: grid; gap: 6mm; align-content: start }
#deck-handout .entry { display: flex; flex-direction: column; gap: 2.5mm }
#deck-handout .layout-1 .slide-box { width: 182mm }
#deck-handout .layout-2 .slide-box { width: 182mm; min-width: 155mm }
#deck-handout .layout-1 .notes { font-size: 11pt }
#deck-handout .layout-2 .notes { font-size: 9.5pt }
#deck-handout .layout-1 .cite, #deck-handout .layout-2 .cite { font-size: max(0.75em, calc(9.6px / var(--handout-scale, 1))) !important }
#deck-handout .layout-6 { display: grid; grid-template-columns: 1fr 1fr; gap: 7mm 6mm; align-content: start }
#deck-handout .layout-6 .slide-box { width: 88mm }
#deck-handout .layout-6 figure { margin: 0 }
#deck-handout .layout-6 figcaption { font-size: 8.5pt; margin-top: 1.5mm; color: #333 }
#deck-handout .cover { padding-top: 20mm }
/* The references are mostly Latin: Latin punctuation (What’s) from the Latin face, not the CJK face's full-width one. */
#deck-handout .refs { font-family: 'Noto Sans', 'Deck Sans', 'Noto Sans SC', sans-serif }
#deck-handout .cover .kicker { color: #1d4ed8; font-weight: 700; letter-spacing: .1em }
#deck-handout .cover > h1 { font-size: 28pt; margin: 2mm 0 6mm }
#deck-handout .cover .info { font-size: 11pt; line-height: 1.6; color: #333 }
#deck-handout .cover .info :is(h1, h2, h3, h4) { font-size: 1.1em; margin: 0 0 2mm }
#deck-handout .cover .info p { margin: 0 0 2mm }
#deck-handout .cover .meta { font-size: 11pt; color: #333; margin: 4mm 0 0 }
#deck-handout .cover .site { display: flex; align-items: center; gap: 5mm; margin: 8mm 0 0; font-size: 10pt; color: #333; line-height: 1.6 }
#deck-handout .cover .site svg { width: 30mm; height: 30mm; flex: none }
#deck-handout .cover > h2 { font-size: 13pt; border-bottom: .3mm solid #ccc; padding-bottom: 2mm; margin-top: 10mm }
#deck-handout .agenda { font-size: 10.5pt; line-height: 2; padding-left: 6mm }
#deck-handout .agenda .chapter { display: inline-block; width: 120mm; font-weight: 700 }
#deck-handout .refs { font-size: 9pt; line-height: 1.5; padding-left: 7mm; margin: 0 }
#deck-handout .refs li { margin-bottom: 2mm }
`

/** Properties a slide inherits from its container; the slide box sets them as the print page's container has them. */
const INHERITED = [
  'color',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant',
  'font-feature-settings',
  'font-kerning',
  'letter-spacing',
  'line-height',
  'text-align',
  'text-indent',
  'text-transform',
  'text-rendering',
  'white-space',
  'word-break',
  'word-spacing',
  'overflow-wrap',
  'hyphens',
  'direction',
  'tab-size',
  '-webkit-font-smoothing',
]

function handoutDom(deck: Deck, pages: HandoutPage[]): string {
  const t = messages(deck.lang)
  return pages.map((page, i) => `<div class="page">
    <header aria-hidden="true"><span>${escapeHtml(deck.title)}</span><span>${escapeHtml(page.chapter)}</span></header>
    <main>${page.body}</main>
    <footer aria-hidden="true">${escapeHtml(t.handoutFooter(i + 1, pages.length))}</footer></div>`).join('')
}

/** Prints one handout from Slidev's print page (`printHandout`) and finishes its PDF. */
export async function renderHandout(options: HandoutOptions): Promise<Uint8Array> {
  return (await printHandout(options)).pdf
}

/**
 * Prints one handout from Slidev's print page. The page can print several in a row: each one moves the
 * rendered slides into its own frames. Resolves as soon as the page is free for the next; the PDF's
 * metadata and bookmarks are added meanwhile, off the page (`pdf`).
 */
export async function printHandout(options: HandoutOptions): Promise<{ pdf: Promise<Uint8Array> }> {
  const { page, deck, layout = DEFAULT_HANDOUT_LAYOUT, audience = 'attendee' } = options
  const pages = await buildPages(deck, layout, audience)
  const origin = new URL(page.url()).origin
  await page.route(`${origin}/__handout/fonts/**`, async (route) => {
    const font = new URL(route.request().url()).pathname.match(/\/__handout\/fonts\/(sans|latin)\/(.+)$/)
    return font
      ? route.fulfill({
          path: join(FONT_DIRS[font[1]], font[2]),
        })
      : route.fulfill({ status: 404 })
  })
  const t = messages(deck.lang)
  const title = `${deck.title} — ${audience === 'speaker'
    ? t.speakerHandout
    : t.handout}`
  const cut = await page.evaluate(({ html, css, title, lang, comfortPt, minPt, printSlide, inherited }) => {
    if (!document.getElementById('deck-handout-style')) {
      const style = Object.assign(document.createElement('style'), { id: 'deck-handout-style', textContent: css })
      document.head.append(style)
      // The chrome of the handout (its labels) is not in Deck Sans: the full Noto Sans SC fills in.
      for (const href of [
        '/__handout/fonts/sans/400.css',
        '/__handout/fonts/sans/700.css',
        '/__handout/fonts/latin/400.css',
        '/__handout/fonts/latin/700.css',
      ])
        document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }))
    }
    document.title = title
    document.documentElement.lang = lang
    document.documentElement.classList.remove('dark')
    const slides = new Map(Array.from(document.querySelectorAll<HTMLElement>(printSlide), el => [
      Number(el.id.split('-')[0]),
      el,
    ]))
    // What each slide inherits where Slidev's print page put it (read once: a later handout finds it moved).
    for (const slide of slides.values()) {
      if (slide.dataset.handoutInherited)
        continue
      const from = getComputedStyle(slide.parentElement!)
      slide.dataset.handoutInherited = JSON.stringify(Object.fromEntries(inherited.map(p => [
        p,
        from.getPropertyValue(p),
      ])))
    }
    document.getElementById('deck-handout')?.remove()
    const root = Object.assign(document.createElement('div'), { id: 'deck-handout', innerHTML: html })
    document.body.append(root)
    // A slide drawn as wide as its box.
    function fit(box: HTMLElement) {
      const slide = box.firstElementChild as HTMLElement
      const scale = box.clientWidth / slide.offsetWidth
      box.style.height = `${slide.offsetHeight * scale}px`
      box.style.setProperty('--handout-scale', String(scale))
      slide.style.transform = `scale(${scale})`
    }
    for (const box of Array.from(root.querySelectorAll<HTMLElement>('.slide-box'))) {
      const slide = slides.get(Number(box.dataset.slide))
      if (!slide)
        throw new Error(`handout: slide ${box.dataset.slide} is not on the print page`)
      // Where the box would pass the slide something else (the handout's 10 pt, its font), it passes what the
      // print page did. Only those: a computed line-height is in px, and setting it would undo a unitless one.
      const wanted = JSON.parse(slide.dataset.handoutInherited!) as Record<string, string>
      const has = getComputedStyle(box)
      for (const [property, value] of Object.entries(wanted)) {
        if (has.getPropertyValue(property) !== value)
          box.style.setProperty(property, value)
      }
      box.append(slide)
      fit(box)
    }
    return document.fonts.ready.then(() => {
      // A page whose notes run past its foot, in this order: its notes shrink together in 0.5 pt steps to a
      // comfortable size; its slides narrow, down to their min-width (layout 2: the full text width where notes
      // are short, 155 mm where they are long); its notes shrink on, down to the minimum.
      // (Each entry takes the height it needs, so long notes borrow the room short ones leave.)
      const cut: string[] = []
      const overflows = (main: HTMLElement) => main.scrollHeight > main.clientHeight + 1
      for (const main of Array.from(root.querySelectorAll<HTMLElement>('.page > main'))) {
        const notes = Array.from(main.querySelectorAll<HTMLElement>('.notes'))
        // Rounded to the step: 9.5 pt computes as 12.6667 px = 9.500025 pt, and stepping from that passed 7 pt.
        let size = Math.round(Math.max(0, ...notes.map(n => Number.parseFloat(getComputedStyle(n).fontSize) * 0.75)) * 2) / 2
        const shrinkNotes = (floor: number) => {
          while (overflows(main) && size - 0.5 >= floor) {
            size -= 0.5
            for (const n of notes)
              n.style.fontSize = `${size}pt`
          }
        }
        shrinkNotes(comfortPt)
        const boxes = Array.from(main.querySelectorAll<HTMLElement>('.slide-box'))
        const narrowest = Number.parseFloat(boxes[0]
          ? getComputedStyle(boxes[0]).minWidth
          : '')
        const stepPx = 96 / 25.4 * 3
        while (overflows(main) && boxes[0] && boxes[0].clientWidth - stepPx >= narrowest) {
          for (const box of boxes) {
            box.style.width = `${box.clientWidth - stepPx}px`
            fit(box)
          }
        }
        shrinkNotes(minPt)
        // At the smallest size, tighter lines before giving up (1.5 → 1.3 still reads on paper).
        if (overflows(main)) {
          for (const p of main.querySelectorAll<HTMLElement>('.notes :is(p, li)'))
            p.style.lineHeight = '1.3'
        }
        if (overflows(main))
          cut.push(...notes.map(n => n.querySelector('h3')?.textContent ?? '?'))
      }
      return cut
    })
  }, {
    html: handoutDom(deck, pages),
    css: HANDOUT_CSS,
    title,
    lang: deck.lang,
    comfortPt: COMFORT_NOTES_PT,
    minPt: MIN_NOTES_PT,
    printSlide: SLIDEV.printSlide,
    inherited: INHERITED,
  })
  if (cut.length)
    console.warn(`handout: notes too long to fit their page even at ${MIN_NOTES_PT} pt, shorten them: ${cut.join('; ')}`)
  await page.evaluate(() => document.fonts.ready)
  const printed = await page.pdf({
    format: 'A4',
    printBackground: true,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    tagged: true,
  })
  const pdf = finishHandout(printed, deck, pages, title)
  pdf.catch(() => {}) // the caller awaits it
  return { pdf }
}

async function finishHandout(printed: Uint8Array, deck: Deck, pages: HandoutPage[], title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(printed)
  if (doc.getPageCount() !== pages.length)
    throw new Error(`handout: Chromium printed ${doc.getPageCount()} pages for ${pages.length} page frames — a frame overflowed`)
  setInfo(doc, {
    title,
    author: deck.talk.speaker,
    subject: deck.infoText,
    keywords: deck.keywords,
    lang: deck.lang,
  })
  setOutline(doc, outline(deck, pages))
  return doc.save()
}

/** Bookmarks: cover, the opening's slides, each chapter (its slides under it), references. */
function outline(deck: Deck, pages: HandoutPage[]): OutlineItem[] {
  const pageOf = new Map(pages.flatMap((p, i) => p.slides.map(no => [no, i] as const)))
  return pages.flatMap((p, i) => {
    if (!p.bookmark) {
      // The opening has no chapter: its slides stand on their own.
      return p.chapter
        ? []
        : p.slides.map(no => ({ title: `${no}. ${deck.slides[no - 1].title}`, page: i }))
    }
    const chapter = deck.chapters.find(c => c.title === p.chapter && pageOf.get(c.firstSlide) === i)
    return [
      {
        title: p.bookmark,
        page: i,
        children: chapter
          ? slidesOf(deck, chapter).map(s => ({ title: `${s.no}. ${s.title}`, page: pageOf.get(s.no) ?? i }))
          : undefined,
      },
    ]
  })
}
