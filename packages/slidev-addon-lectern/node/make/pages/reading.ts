/**
 * The reading view, `read/` in the site: the whole talk as one page for a phone. Each slide is a figure
 * (drawn from the slides PDF by poppler's pdftoppm as JPEG, its text from pdftotext as the image's alternative
 * text) followed by its attendee narration; chapter headings, the references at the end. Live models
 * appear in their final state (the print route renders them so), with a note that they are interactive
 * on a larger screen. Plain HTML and CSS: no JavaScript, no request off the machine, fonts from the deck.
 * Its words follow the deck's `lang` (shared/messages.ts); its references are the deck's own (node/deck/deck.ts).
 */
import type { Deck, DeckSlide } from '../../deck/deck.ts'
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { escapeHtml } from '@vue/shared'
import { messages } from '../../../shared/messages.ts'
import { sectionsOf } from '../../deck/deck.ts'
import { attendeeNarration, renderMarkdown } from '../../deck/notes.ts'
import { qrSvg, talkLine } from '../../deck/talk.ts'
import { codePointsOf, parseUnicodeRange } from '../../fonts/font-subset.ts'

export interface ReadingViewOptions {
  /** The built site (the reading view goes to `read/` in it). */
  siteDir: string
  /** The site's base path, '/' or '/repo/'. */
  base: string
  deck: Deck
  /** The slides PDF printed from this site. */
  slidesPdf: string
  /** The deck's folder: which of its components are interactive. Default: the entry's folder. */
  root?: string
}

export interface ReadingViewResult {
  file: string
  /** Characters of the page that Deck Sans lacks (they would fall back to a system font). */
  uncovered: string[]
}

/** Slide images: wide enough for a phone at 2.6 device pixels per CSS pixel; JPEG is a third of PNG's CPU time. */
const IMAGE_WIDTH = 1080
const run = promisify(execFile)
/** Components that take input (a slider, a button, keys): shown static here, live on a larger screen. */
export function interactiveComponents(root: string): Set<string> {
  const dir = join(root, 'components')
  if (!existsSync(dir))
    return new Set()
  return new Set(readdirSync(dir).filter(f => f.endsWith('.vue')).filter(f => /<input|<button|<select|v-model|@click|@keydown/.test(readFileSync(join(dir, f), 'utf8'))).map(f => f.replace(/\.vue$/, '')))
}

function isLive(slide: DeckSlide, live: Set<string>): boolean {
  return [
    ...slide.content.matchAll(/<([A-Z][\w-]*)/g),
  ].some(m => live.has(m[1]))
}

/** The @font-face rules of the built site's stylesheets, so the page uses the deck's own fonts. */
export function siteFontFaces(siteDir: string, base: string): string {
  const assets = join(siteDir, 'assets')
  const rules = readdirSync(assets).filter(f => f.endsWith('.css')).flatMap(f => readFileSync(join(assets, f), 'utf8').match(/@font-face\s*\{[^}]*\}/g) ?? []).filter(rule => /font-family:\s*["']?(?:Deck Sans|Noto Sans)["']?;/.test(rule)).map(rule => rule.replace(/url\((["']?)(?![/a-z]+:|\/)(?:\.\/)?/g, `url($1${base}assets/`))
  return [
    ...new Set(rules),
  ].join('\n')
}

/** Characters of `text` outside every Deck Sans unicode-range (Latin is Noto Sans's, and it has it all). */
export function uncoveredCharacters(fontCss: string, text: string): string[] {
  const ranges = [
    ...fontCss.matchAll(/@font-face\s*\{[^}]*font-family:\s*["']?Deck Sans[^}]*unicode-range:([^;}]+)/g),
  ]
    .flatMap(m => parseUnicodeRange(m[1]))
  return [
    ...codePointsOf([text]),
  ]
    .filter(cp => cp >= 0x2E80 && !ranges.some(([start, end]) => cp >= start && cp <= end))
    .map(cp => String.fromCodePoint(cp))
}

/** The text a page shows: no styles, no tags (attributes such as alt are not drawn). */
export function visibleText(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' ')
}

/** Each page of the PDF as plain text (pdftotext separates pages with a form feed). */
async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  return stdout.split('\f').map(text => text.replace(/\s+/g, ' ').trim())
}

async function renderImages(pdf: string, dir: string, count: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true })
  await run('pdftoppm', [
    '-jpeg',
    '-jpegopt',
    'quality=85',
    '-scale-to-x',
    String(IMAGE_WIDTH),
    '-scale-to-y',
    '-1',
    pdf,
    join(dir, 's'),
  ])
  // pdftoppm pads page numbers to the width of the last one: s-01.jpg … s-60.jpg.
  const files = readdirSync(dir).filter(f => /^s-\d+\.jpg$/.test(f)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
  if (files.length !== count)
    throw new Error(`reading view: pdftoppm drew ${files.length} slides of ${count}`)
  return files.map((file, i) => {
    const name = `${i + 1}.jpg`
    renameSync(join(dir, file), join(dir, name))
    return name
  })
}

const CSS = `
:root { color-scheme: light dark; --ink: #111827; --muted: #4b5563; --accent: #1d4ed8; --line: #d1d5db; --paper: #fff; --panel: #f3f4f6 }
@media (prefers-color-scheme: dark) { :root { --ink: #f3f4f6; --muted: #cbd5e1; --accent: #93c5fd; --line: #4b5563; --paper: #121212; --panel: #1f2937 } }
* { box-sizing: border-box }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100% }
body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.75 'Deck Sans', 'Noto Sans', sans-serif; overflow-wrap: anywhere }
.wrap { max-width: 44rem; margin: 0 auto; padding: 0 16px 48px }
a { color: var(--accent) }
header.top { padding: 24px 0 8px; border-bottom: 1px solid var(--line) }
.kicker { margin: 0; color: var(--accent); font-weight: 700; font-size: 16px }
h1 { font-size: 28px; line-height: 1.3; margin: 4px 0 12px }
h2 { font-size: 23px; line-height: 1.35; margin: 48px 0 8px; padding-top: 12px; border-top: 4px solid var(--accent) }
h3 { font-size: 19px; line-height: 1.4; margin: 32px 0 10px }
.meta, .lead { color: var(--muted) }
.lead :is(h1, h2, h3, h4) { font-size: 19px; line-height: 1.4; margin: 8px 0; padding: 0; border: 0 }
nav ul { padding-left: 20px }
nav li { margin: 6px 0 }
.downloads { display: flex; flex-wrap: wrap; gap: 8px 16px; padding: 0; list-style: none }
.downloads a { display: inline-block; padding: 10px 0; min-height: 44px }
figure { margin: 0 }
figure img { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; background: #fff }
.live { margin: 8px 0 0; padding: 8px 12px; background: var(--panel); border-radius: 4px; font-size: 16px; color: var(--muted) }
.narration p, .narration li { margin: 12px 0 }
.narration ul, .narration ol { padding-left: 24px }
pre { overflow-x: auto; font-size: 15px }
code { font-family: 'JetBrains Mono', 'Deck Sans', monospace; font-size: .9em }
.refs { padding-left: 24px }
.refs li { margin: 10px 0 }
.site { display: flex; align-items: center; gap: 16px; margin-top: 48px; color: var(--muted) }
.site svg { width: 112px; height: 112px; flex: none }
`

/** Writes `read/index.html` and its slide images into the built site. */
export async function writeReadingView(options: ReadingViewOptions): Promise<ReadingViewResult> {
  const { siteDir, base, deck, slidesPdf } = options
  const dir = join(siteDir, 'read')
  rmSync(dir, { recursive: true, force: true })
  const [images, texts] = await Promise.all([
    renderImages(slidesPdf, join(dir, 'slides'), deck.slides.length),
    pageTexts(slidesPdf),
  ])
  const live = interactiveComponents(options.root ?? process.cwd())
  const fonts = siteFontFaces(siteDir, base)
  const t = messages(deck.lang)

  const slideHtml = (slide: DeckSlide) => {
    const narration = attendeeNarration(slide.notes)
    const alt = t.slideAlt(slide.no, texts[slide.no - 1] || slide.title)
    return `<article id="s${slide.no}">
<h3>${slide.no}. ${escapeHtml(slide.title)}</h3>
<figure><img src="${base}read/slides/${images[slide.no - 1]}" width="980" height="${Math.round(980 / deck.aspectRatio)}" loading="lazy" decoding="async" alt="${escapeHtml(alt)}">${isLive(slide, live)
  ? `<figcaption class="live">${t.liveSlide(`<a href="${base}${slide.no}">${t.liveSlideLink(slide.no)}</a>`)}</figcaption>`
  : ''}</figure>
${narration
  ? `<div class="narration">${renderMarkdown(narration)}</div>`
  : ''}
</article>`
  }
  const refs = deck.references.map(r => `<li>${escapeHtml(r.authors)}. ${escapeHtml(r.title)}. <i>${escapeHtml(r.venue)}</i>, ${r.year}.${r.url
    ? ` <a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>`
    : ''}</li>`).join('')
  const refList = refs
    ? `<ol class="refs" id="refs">${refs}</ol>`
    : ''
  // The list as text goes where the deck shows its references (a <References /> slide), or at the end.
  const sections = sectionsOf(deck)
  const refsSection = refs
    ? sections.findIndex(s => s.slides.some(slide => slide.content.includes('<References')))
    : -1
  // The opening (slides before the first chapter) has no heading; each chapter is a section with its own.
  const chapters = sections.map(({ chapter, slides }, i) => `${chapter
    ? `<section id="c${deck.chapters.indexOf(chapter) + 1}" aria-labelledby="c${deck.chapters.indexOf(chapter) + 1}-h">
<h2 id="c${deck.chapters.indexOf(chapter) + 1}-h">${escapeHtml(chapter.title)}</h2>`
    : '<section>'}
${slides.map(slideHtml).join('\n')}
${i === refsSection
  ? refList
  : ''}
</section>`).join('\n')
  const refsAtEnd = refs && refsSection < 0
  const who = talkLine(deck.talk)
  const url = deck.talk.siteUrl
  const html = `<!doctype html>
<html lang="${escapeHtml(deck.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(deck.title)} — ${t.readingView}</title>
<meta name="description" content="${escapeHtml(deck.infoText)}">
${url
  ? `<link rel="canonical" href="${escapeHtml(url)}read/">\n`
  : ''}<link rel="icon" href="${base}favicon.svg">
<style>
${fonts}
${CSS}</style>
</head>
<body>
<div class="wrap">
<header class="top">
<p class="kicker">${t.readingView}</p>
<h1>${escapeHtml(deck.title)}</h1>
${deck.info
  ? `<div class="lead">${renderMarkdown(deck.info)}</div>`
  : ''}
${who
  ? `<p class="meta">${escapeHtml(who)}</p>`
  : ''}
<ul class="downloads">
<li><a href="${base}">${t.playSlides}</a></li>
<li><a href="${base}slides.pdf">${t.slidesPdf}</a></li>
<li><a href="${base}handout.pdf">${t.handoutPdf}</a></li>
</ul>
${deck.chapters.length || refsAtEnd
  ? `<nav aria-label="${t.contents}"><ul>
${deck.chapters.map((c, i) => `<li><a href="#c${i + 1}">${escapeHtml(c.title)}</a></li>`).join('\n')}
${refsAtEnd
  ? `<li><a href="#refs">${t.references}</a></li>`
  : ''}
</ul></nav>`
  : ''}
</header>
<main>
${chapters}
${refsAtEnd
  ? `<section aria-labelledby="refs-h"><h2 id="refs-h">${t.references}</h2>${refList}</section>`
  : ''}
</main>
${url
  ? `<footer class="site">${await qrSvg(url)}<p>${t.talkOnline}<br><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p></footer>`
  : ''}
</div>
</body>
</html>
`
  const file = join(dir, 'index.html')
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, html)
  return {
    file,
    uncovered: uncoveredCharacters(fonts, visibleText(html)),
  }
}
