/**
 * A real HTML page per slide, so a slide URL paints its slide before any JavaScript runs.
 *
 * The export already renders every slide at its final click on Slidev's print route; `capturePrinted`
 * reads from that page, per slide: the markup, its text, the stylesheets whose rules it uses and the
 * font faces its characters are drawn with; `pageFonts` cuts those faces to the page's characters, to
 * be inlined. `writeSlidePages` turns the app's index.html into one page a slide:
 * the slide drawn over the app, scaled like Slidev's play view (CSS only), with its own fonts, title,
 * description, canonical URL, and — without JavaScript — links to the previous and next slides and
 * the PDFs. The app's code is fetched and started on the reader's first key, touch or pointer move
 * (`startScript`); when it has drawn the same slide beneath the copy, the copy is removed: the reader
 * sees no flash and nothing moves.
 *
 * Files: `N.html` and `N/index.html` for every slide (GitHub Pages serves `/N` from the first and
 * `/N/` from the second; node/core/serve.ts finds `N.html` for both), `index.html` is slide 1, and
 * `sitemap.xml` when the site's URL is known. `404.html` stays the bare app for every other route.
 */
import type { Page } from 'playwright-chromium'
import type { Deck } from '../../deck/deck.ts'
import type { FaceUse } from '../../fonts/font-subset.ts'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { escapeHtml } from '@vue/shared'
import { PRESENTER_BEACON_FRESH_MS, PRESENTER_BEACON_KEY } from '../../../client/presenterBeacon.ts'
import { READING_BANNER_CLASS, READING_BANNER_FONT } from '../../../client/readingBanner.ts'
import { messages } from '../../../shared/messages.ts'
import { slideSelector, SLIDEV } from '../../../shared/slidev-internals.ts'
import { matchFace } from '../../fonts/font-match.ts'
import { inlineFaces, parseUnicodeRange } from '../../fonts/font-subset.ts'
import { socialMeta } from './meta.ts'

export interface PrintedSlide {
  no: number
  /** Inner HTML of the print container: the slide with its global layers, at the final click. */
  html: string
  /** The slide's visible text, whitespace collapsed. */
  text: string
  /** Paths (from the site root) of stylesheets beyond the app's own whose rules this slide uses. */
  styles: string[]
  /** The font faces this page's characters are drawn with: file path, its @font-face rule, the characters. */
  fonts: FaceUse[]
}

/** Text a page shows beside its slide, with its CSS `font` shorthand. */
interface PagePart { text: string, font: string }

/** Text every page shows beside its slide: the reading banner, in the deck's language. */
function pageParts(lang: string): PagePart[] {
  return [
    { text: messages(lang).readingBanner, font: READING_BANNER_FONT },
  ]
}

/**
 * Reads every slide from Slidev's print route (node/make/print/slides-pdf.ts has it open and fully rendered).
 * Each slide's fonts also cover the text its page shows around the slide (`pageParts`).
 */
export async function capturePrinted(page: Page, shell: string, lang: string): Promise<PrintedSlide[]> {
  // The app's own stylesheets are in every page already.
  const shellStyles = [
    ...shell.matchAll(/<link rel="stylesheet"[^>]* href="([^"]+)"/g),
  ].map(m => m[1])
  // Serialized with the unicode-range parser and the font matching the gate shares: the page sees only its arguments.
  return page.evaluate(`(${readPrintPage})(${JSON.stringify(shellStyles)}, ${JSON.stringify(pageParts(lang))}, ${parseUnicodeRange}, ${matchFace}, ${JSON.stringify(SLIDEV)})`) as Promise<PrintedSlide[]>
}

/** Runs in the print page: every slide's markup, text, stylesheets and the faces its characters are drawn with. */
function readPrintPage(shellStyles: string[], pageParts: PagePart[], parseRange: typeof parseUnicodeRange, faceFor: typeof matchFace, slidev: typeof SLIDEV): PrintedSlide[] {
  const rulesOf = (list: CSSRuleList): CSSRule[] => Array.from(list).flatMap(r => 'cssRules' in r && !(r instanceof CSSStyleRule)
    ? rulesOf((r as CSSGroupingRule).cssRules)
    : [r])
  // A sheet from another origin (a theme's web fonts) hides its rules: reading them throws a SecurityError.
  // Such a sheet is linked from the app's index.html, so every page loads it anyway.
  const readable = (s: CSSStyleSheet): CSSRule[] | undefined => {
    try {
      return rulesOf(s.cssRules)
    }
    catch {
      return undefined
    }
  }
  const sheets = Array.from(document.styleSheets).filter(s => s.href && new URL(s.href).origin === location.origin
    && !shellStyles.includes(new URL(s.href).pathname) && readable(s))
  const selectorsOf = new Map(sheets.map(s => [
    s,
    readable(s)!
      .filter((r): r is CSSStyleRule => r instanceof CSSStyleRule)
    // Pseudo-elements never match querySelector; the element they hang on does.
      .map(r => r.selectorText.replace(/::?(?:before|after|marker|placeholder|selection)\b/g, '')),
  ]))
  const matches = (root: Element, selector: string) => {
    try {
      return !!root.querySelector(selector)
    }
    catch {
      return false
    }
  }
  // Every @font-face of every sheet: which file draws which characters in which family and weight.
  const faces = Array.from(document.styleSheets).flatMap(s => readable(s) ?? []).filter((r): r is CSSFontFaceRule => r instanceof CSSFontFaceRule).map((r) => {
    const url = r.style.getPropertyValue('src').match(/url\("?([^")]+\.woff2)"?\)/)?.[1]
    const ranges = parseRange(r.style.getPropertyValue('unicode-range') || 'U+0-10FFFF')
    const path = url && new URL(url, r.parentStyleSheet?.href ?? location.href).pathname
    return {
      family: r.style.getPropertyValue('font-family').replace(/["']/g, '').trim(),
      weight: Number(r.style.getPropertyValue('font-weight')) || 400,
      url: path,
      rule: r.cssText.replace(/src:[^;]*;/, `src: url("${path}") format("woff2");`),
      ranges,
    }
  })
  type Uses = Map<string, { url: string, rule: string, chars: Set<string> }>
  function use(used: Uses, text: string, style: CSSStyleDeclaration) {
    const families = style.fontFamily.split(',')
    const weight = Number(style.fontWeight) || 400
    // A space is drawn with a face too; both cases of Latin letters, as CSS may transform the case.
    for (const char of new Set(text.replace(/\s+/g, ' ').replace(/[a-z]/gi, c => c.toLowerCase() + c.toUpperCase()))) {
      const face = faceFor(faces, families, weight, char.codePointAt(0)!)
      if (!face || face === 'generic' || !face.url)
        continue
      if (!used.has(face.url)) {
        used.set(face.url, {
          url: face.url,
          rule: face.rule,
          chars: new Set(),
        })
      }
      used.get(face.url)!.chars.add(char)
    }
  }
  // Text every page shows beside its slide, in the font given.
  const aroundSlide: Uses = new Map()
  for (const part of pageParts) {
    const probe = document.createElement('span')
    probe.style.font = part.font
    document.body.append(probe)
    use(aroundSlide, part.text, getComputedStyle(probe))
    probe.remove()
  }
  function fontsOf(root: Element) {
    const used: Uses = new Map([...aroundSlide].map(([url, face]) => [
      url,
      {
        ...face,
        chars: new Set(face.chars),
      },
    ]))
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || !node.textContent)
        continue
      use(used, node.textContent, getComputedStyle(parent))
    }
    // Text that CSS draws: content: "→" of ::before and ::after.
    for (const element of root.querySelectorAll('*')) {
      for (const pseudo of ['::before', '::after']) {
        const style = getComputedStyle(element, pseudo)
        const text = [
          ...style.content.matchAll(/"((?:[^"\\]|\\.)*)"/g),
        ].map(m => m[1]).join('')
        if (text)
          use(used, text, style)
      }
    }
    return [
      ...used.values(),
    ].map(face => ({
      url: face.url,
      rule: face.rule,
      chars: [...face.chars].sort().join(''),
    }))
  }
  return Array.from(document.querySelectorAll(slidev.printSlide), (container) => {
    const slide = container.querySelector(`.${slidev.pageClass}`) as HTMLElement
    // Vue sets a control's value as a property, which innerHTML leaves out: without these attributes a page
    // would show every slider at its midpoint and every box unticked, beside labels that say otherwise.
    for (const input of container.querySelectorAll('input')) {
      if (input.type === 'checkbox' || input.type === 'radio')
        input.toggleAttribute('checked', input.checked)
      else
        input.setAttribute('value', input.value)
    }
    for (const option of container.querySelectorAll('option'))
      option.toggleAttribute('selected', option.selected)
    return {
      no: Number(slide.dataset.slidevNo),
      html: container.innerHTML,
      // innerText: the text as shown (no <style> contents, hidden parts left out).
      // eslint-disable-next-line unicorn/prefer-dom-node-text-content
      text: slide.innerText.replace(/\s+/g, ' ').trim(),
      styles: sheets.filter(s => selectorsOf.get(s)!.some(sel => matches(container, sel))).map(s => new URL(s.href!).pathname),
      fonts: fontsOf(container),
    }
  })
}

export interface SlidePagesOptions {
  siteDir: string
  base: string
  deck: Deck
  slides: PrintedSlide[]
  /** The app's index.html (with the site's social tags). */
  shell: string
  /** File names of the PDFs beside the site (`slides.pdf`, `handout.pdf`). */
  downloads: { file: string, label: string }[]
  /** Each page's own @font-face rules, by slide number (`pageFonts`). */
  fontCss: Map<number, string>
}

/** The fonts inlined in each page (font-subset.ts `inlineFaces`), by slide number. */
export async function pageFonts(slides: PrintedSlide[], siteDir: string, base: string, cacheDir: string): Promise<Map<number, string>> {
  const fileOf = (url: string) => join(siteDir, url.startsWith(base)
    ? url.slice(base.length)
    : url)
  const css = new Map<number, string>()
  for (const slide of slides)
    css.set(slide.no, await inlineFaces(slide.fonts, fileOf, cacheDir))
  return css
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** The page's description: the slide's own words, cut at a sentence or word near 150 characters. */
export function describe(text: string, fallback: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean)
    return fallback
  if (clean.length <= 150)
    return clean
  const cut = clean.slice(0, 150)
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf(' '))
  return `${end > 60
    ? cut.slice(0, end + 1).trim()
    : cut}…`
}

export function pageTitle(slideTitle: string, talkTitle: string) {
  return !slideTitle || slideTitle === talkTitle
    ? talkTitle
    : `${slideTitle} — ${talkTitle}`
}

/**
 * Slidev's play view: the slide at the canvas size, centred in a black viewport and scaled to fit.
 * Typed arithmetic (`100vw / 980px`) gives the scale without JavaScript; the head script sets it
 * for browsers that lack it. Without JavaScript a bar of links sits below the slide.
 */
function overlayCss(width: number, height: number) {
  return `#deck-prerender{position:fixed;inset:0;z-index:2147483000;overflow:hidden;background:#000;--deck-nav:0px;--deck-scale:min(calc(100vw / ${width}px),calc((100vh - var(--deck-nav)) / ${height}px))}
#deck-prerender>.deck-slide{position:absolute;left:50%;top:calc(50% - var(--deck-nav) / 2);width:${width}px;height:${height}px;overflow:hidden;transform:translate(-50%,-50%) scale(var(--deck-scale));${SLIDEV.slideScaleVar}:var(--deck-scale)}
#deck-prerender nav{position:absolute;left:0;right:0;bottom:0;min-height:var(--deck-nav);display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:center;justify-content:center;padding:.5rem 1rem;font:16px/1.5 'Deck Sans','Noto Sans SC','Noto Sans',sans-serif;color:#fff}
#deck-prerender nav a{color:#fff;text-decoration:underline;padding:.5rem 0}
.deck-fonts-loading #deck-prerender>*{visibility:hidden}`
}

/**
 * Without JavaScript the links bar takes the foot of the page, so the phone's reading banner (fixed above
 * where Slidev's controls will be) moves up to just below the slide, whose height there is the width's share.
 */
function noScriptCss(width: number, height: number) {
  return `#deck-prerender{--deck-nav:5.5rem}
@media (max-width:600px) and (orientation:portrait){#deck-prerender .${READING_BANNER_CLASS}{bottom:auto;top:calc(50% - var(--deck-nav) / 2 + 50vw * ${height} / ${width} + 1rem)}}`
}

/**
 * The page's own fonts are data: URLs, so they load at once — but after the first layout, which used
 * fallback metrics: text would wrap anew and move. The slide stays hidden until they are in (1.5 s at
 * most); without JavaScript it shows at once. They are the last `count` faces of the document (their
 * <style> follows every stylesheet): loading only those fetches nothing.
 */
function fontsScript(count: number) {
  if (!count)
    return ''
  return `<script>(()=>{const r=document.documentElement,done=()=>r.classList.remove('deck-fonts-loading');r.classList.add('deck-fonts-loading');Promise.all([...document.fonts].slice(-${count}).map(f=>f.load())).then(done,done);setTimeout(done,1500)})()</script>`
}

/** Before first paint: dark or light as Slidev will choose, and the scale where CSS cannot compute it. */
function headScript(colorSchema: string, width: number, height: number) {
  return `<script>(()=>{const r=document.documentElement,c=${JSON.stringify(colorSchema)},s=localStorage.getItem(${JSON.stringify(SLIDEV.colorSchemaStorage)})||'auto',d=c==='dark'||(c!=='light'&&(s==='auto'?matchMedia('(prefers-color-scheme: dark)').matches:s==='dark'));r.classList.toggle('dark',d);r.classList.toggle('light',!d);if(!CSS.supports('width','calc(1px / 1px * 1px)')){const f=()=>r.style.setProperty('--deck-scale',Math.min(innerWidth/${width},innerHeight/${height}));f();addEventListener('resize',f)}})()</script>`
}

/**
 * The app starts when the reader first shows intent — a key, a touch, a pointer moving, a wheel, focus —
 * or at once when the URL asks for a particular state (`?clicks=2`, `?embedded`), in which case the app
 * draws alone, or when a presenter view of the deck runs in the same browser (a projector tab must follow
 * it: client/presenterBeacon.ts). Until then the page is the static copy: nothing runs on the main thread. Once the app
 * shows this slide it is moved to the final click (what the copy shows), and after its fonts and click
 * transitions settle the copy goes; a key pressed before that is then handed to the app.
 */
function startScript(no: number, entry: string, preloads: string[]) {
  return `<script>(()=>{const o=document.getElementById('deck-prerender'),T=['keydown','pointerdown','pointermove','touchstart','wheel','focusin'];let started=false,key=null,moved=false;
const take=()=>{const n=document.querySelector(${JSON.stringify(SLIDEV.appRoot)})?.${SLIDEV.vueApp}?._context.provides[${JSON.stringify(SLIDEV.contextKey)}]?.nav;if(!n||!document.querySelector(${JSON.stringify(`${SLIDEV.appRoot} ${slideSelector(no)} .${SLIDEV.layoutClass}`)}))return requestAnimationFrame(take);if(!moved&&n.currentSlideNo===${no}&&n.clicksTotal>n.clicks){moved=true;n.queryClicks=n.clicksTotal}document.fonts.ready.then(()=>setTimeout(()=>requestAnimationFrame(()=>{o.remove();if(key)for(const type of ['keydown','keyup'])dispatchEvent(new KeyboardEvent(type,{...key,bubbles:true}))}),300))};
const start=(e)=>{if(e&&e.type==='keydown'&&!key)key={key:e.key,code:e.code,shiftKey:e.shiftKey};if(started)return;started=true;for(const t of T)removeEventListener(t,start,true);for(const href of ${JSON.stringify(preloads)}){const l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=href;document.head.append(l)}import(${JSON.stringify(entry)});if(o.isConnected)requestAnimationFrame(take)};
const beacon=()=>Date.now()-Number(localStorage.getItem(${JSON.stringify(PRESENTER_BEACON_KEY)})||0)<${PRESENTER_BEACON_FRESH_MS};
if(location.search){o.remove();start()}else if(beacon())start();else{for(const t of T)addEventListener(t,start,{capture:true,passive:true});addEventListener('storage',e=>e.key===${JSON.stringify(PRESENTER_BEACON_KEY)}&&start())}})()</script>`
}

/**
 * The app's scripts, out of the head: a reader who only looks at the slide (a link opened on a phone)
 * needs none of them. `startScript` fetches them, all at once, when the reader first shows intent.
 */
export function deferEntry(html: string): { html: string, entry: string, preloads: string[] } {
  const entry = html.match(/<script type="module" crossorigin src="([^"]+)"><\/script>\s*/)
  if (!entry)
    throw new Error('index.html has no module entry script — did Slidev change its page template?')
  const preloads = [
    ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g),
  ]
  return {
    html: [entry, ...preloads].reduce((page, match) => page.replace(match[0], ''), html),
    entry: entry[1],
    preloads: [
      entry[1],
      ...preloads.map(m => m[1]),
    ],
  }
}

/** A prerendered page starts the app on the reader's first pointer move; this is one (bench, tests). */
export async function startApp(page: Page) {
  await page.mouse.move(10, 10)
  await page.waitForFunction(S => !document.getElementById('deck-prerender') && (document.querySelector(S.appRoot) as any)?.[S.vueApp], SLIDEV, { timeout: 120_000 })
}

function slideHref(base: string, no: number) {
  return no === 1
    ? base
    : `${base}${no}`
}

/** Writes the per-slide pages; returns every file written. */
export function writeSlidePages(options: SlidePagesOptions): string[] {
  const { siteDir, base, deck, slides, shell, downloads, fontCss } = options
  const width = deck.canvasWidth
  const height = Math.ceil(width / deck.aspectRatio)
  const siteUrl = deck.talk.siteUrl
  const colorSchema = String(deck.slides[0]?.frontmatter.colorSchema ?? 'auto')
  const t = messages(deck.lang)
  const written: string[] = []
  for (const printed of slides) {
    const slide = deck.slides[printed.no - 1]
    if (!slide)
      throw new Error(`The print page shows slide ${printed.no}, but the deck has ${deck.slides.length} slides — rebuild`)
    const title = pageTitle(slide.title, deck.title)
    let html = socialMeta(shell, {
      title,
      description: describe(printed.text, deck.infoText),
      author: deck.talk.speaker,
      keywords: deck.keywords,
      base,
      siteUrl,
      path: slideHref('', printed.no),
    })
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeText(title)}</title>`)
    const head = [
      ...printed.styles.map(style => `<link rel="stylesheet" crossorigin href="${escapeHtml(style)}">`),
      // After the site's stylesheet: for this page's characters these faces come first.
      `<style>${fontCss.get(printed.no) ?? ''}\n${overlayCss(width, height)}</style>`,
      `<noscript><style>${noScriptCss(width, height)}</style></noscript>`,
      headScript(colorSchema, width, height),
      fontsScript(fontCss.get(printed.no)?.match(/@font-face/g)?.length ?? 0),
    ].filter(Boolean).join('\n')
    const previous = deck.slides[printed.no - 2]
    const next = deck.slides[printed.no]
    const links = [
      previous && `<a href="${escapeHtml(slideHref(base, previous.no))}" rel="prev">${escapeText(t.previousSlide(previous.title))}</a>`,
      next && `<a href="${escapeHtml(slideHref(base, next.no))}" rel="next">${escapeText(t.nextSlide(next.title))}</a>`,
      ...downloads.map(d => `<a href="${escapeHtml(base + d.file)}">${escapeText(d.label)}</a>`),
    ].filter(Boolean).join('\n')
    const slideHtml = printed.html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/ frontmatter="\[object Object\]"/g, '')
    const body = `<div id="deck-prerender">
<div class="deck-slide bg-main">${slideHtml}</div>
<noscript><nav aria-label="${escapeHtml(t.slideOfSlides(printed.no, deck.slides.length))}">
${links}
</nav></noscript>
<a class="${READING_BANNER_CLASS}" style="font:${escapeHtml(READING_BANNER_FONT)}" href="${escapeHtml(`${base}read/`)}">${escapeText(t.readingBanner)}</a>
</div>`
    const deferred = deferEntry(html)
    html = deferred.html
      .replace('</body>', () => `${startScript(printed.no, deferred.entry, deferred.preloads)}\n</body>`)
      .replace('</head>', () => `${head}\n</head>`)
      .replace('<div id="app"></div>', () => `<div id="app"></div>\n${body}`)
    const files = printed.no === 1
      ? ['index.html', '1.html', '1/index.html']
      : [`${printed.no}.html`, `${printed.no}/index.html`]
    for (const file of files) {
      const path = join(siteDir, file)
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, html)
      written.push(path)
    }
  }
  if (siteUrl) {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${slides.map(s => `  <url><loc>${escapeText(new URL(slideHref('', s.no), siteUrl).href)}</loc></url>`).join('\n')}
</urlset>
`
    writeFileSync(join(siteDir, 'sitemap.xml'), sitemap)
    written.push(join(siteDir, 'sitemap.xml'))
  }
  return written
}
