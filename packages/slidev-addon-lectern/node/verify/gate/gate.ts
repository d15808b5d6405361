/**
 * Browser quality gate: opens the *built* site in Chromium and checks every slide at every click step,
 * in light and in dark mode, for what only a browser can see.
 *   lectern gate [siteDir=dist] [--base /x/] [--entry slides.md] [--screenshots screenshots] [--allow-remote]
 *   → one line a problem: `file:line  slide N  click K  mode  what  (screenshot)`; exit 1 on any problem.
 * Tests call `runGate()`; the CLI at the bottom only prints.
 *
 * Checked at every slide-step (slide N at `?clicks=K`, K = clicksStart … clicksTotal):
 *   - nothing visible sticks out of the 980×552 canvas (`#slide-content`): boxes of the slide's elements and
 *     text runs, minus what v-click hides, zero-size boxes and what an ancestor inside the canvas clips;
 *   - no console error or warning, no page error, no failed request, no HTTP ≥ 400, no request off 127.0.0.1
 *     (those are aborted by routing, so nothing leaves the machine);
 *   - every image decoded (naturalWidth > 0);
 *   - Chinese text drawn by Noto Sans SC (or 'Deck Sans', the deck's build-time subset of it): for each character
 *     the gate follows the computed font-family list as the browser does (a face counts only if its unicode-range
 *     holds the character, so JetBrains Mono before it in code is skipped); that face must be status 'loaded',
 *     and where the slide shows 虚拟化, `document.fonts.check('16px "<family>"', '虚拟化')` must hold;
 *   - a PNG of the canvas in `screenshots/{light,dark}/NN-cK.png` for people to flip through.
 * Once per slide per mode, at its last click step: axe-core on the slide element, serious/critical only
 * (not every step: that would double the gate's time; the last step shows the most).
 * Slide transitions are switched off (they move whole slides, not what is on them); the two modes run at once.
 *
 * Click steps are read from Slidev at runtime: the built app exposes no `window.__slidev__` (dev only), so the
 * gate takes the Slidev context the app provides (shared/slidev-internals.ts) and moves with `nav.go(no, clicks)`,
 * i.e. the same router push (`/N?clicks=K`) the arrow keys make, in one page per mode. What runs in the page is
 * a handful of small functions installed once per page by an init script (`installInspector`).
 */
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { DeckSlide } from '../../deck/deck.ts'
import { mkdirSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { AxeBuilder } from '@axe-core/playwright'
import { slideSelector, SLIDEV } from '../../../shared/slidev-internals.ts'
import { launchChromium, watchPage } from '../../core/browser.ts'
import { runCli } from '../../core/cli.ts'
import { serveStatic } from '../../core/serve.ts'
import { readDeck } from '../../deck/deck.ts'
import { matchFace } from '../../fonts/font-match.ts'
import { parseUnicodeRange } from '../../fonts/font-subset.ts'

export type Mode = 'light' | 'dark'
/** @axe-core/playwright types its page with its own copy of playwright-core; the object is the same. */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page']

export interface GateProblem {
  /** Source file of the slide, relative to the current working directory. */
  file: string
  line: number
  slide: number
  /** Click steps where it was seen (the same fault at several steps is one problem). */
  clicks: number[]
  modes: Mode[]
  what: string
  /** Screenshot of the first step where it was seen ('' when screenshots are off). */
  screenshot: string
}

export interface GateOptions {
  /** The built site (what `npm run build` or `slidev build` wrote). */
  siteDir: string
  /** The base the site was built for (`--base`). */
  base?: string
  /** The deck's entry file, for file:line of each slide. */
  entry?: string
  /** Folder for `{light,dark}/NN-cK.png`; false for none. Its light/ and dark/ are emptied first. */
  screenshots?: string | false
  modes?: Mode[]
  /** Progress lines; silent by default. */
  log?: (line: string) => void
  browser?: Browser
  /** Let requests off the machine through (a deck that loads remote assets); each URL becomes a note. Default: blocked, a problem. */
  allowRemote?: boolean
}

export interface GateResult {
  problems: GateProblem[]
  slides: number
  /** Slide-steps checked, over all modes. */
  steps: number
  seconds: number
  /** Things the gate had to work around (not faults of the deck). */
  notes: string[]
}

/** Overflow below this many canvas pixels is rounding, not a fault. */
const TOLERANCE_PX = 1
/**
 * Families allowed to draw Chinese: Noto Sans SC, and 'Deck Sans', the deck's build-time subset of it
 * (styles/index.ts, node/fonts/font-subset.ts). Latin-only faces before them (JetBrains Mono in code) are skipped
 * by their unicode-range, as the browser does.
 */
const CJK_FONTS = ['Deck Sans', 'Noto Sans SC']

interface StepFindings {
  findings: string[]
  /** Every resource URL the slide references (img, source, video, iframe, CSS backgrounds), absolute. */
  urls: string[]
}

// ---------- in the page: small functions, installed once per page by an init script ----------

interface NavState { no: number, clicks: number, total: number, start: number }

/** What `installInspector` puts on `window.__deckGate`. */
interface Inspector {
  /** Moves to slide `no` at click `clicks` and waits until it is painted and settled; returns Slidev's view of it. */
  goTo: (no: number, clicks: number) => Promise<NavState>
  /** The site's slide count, once Slidev is up (undefined before). */
  total: () => number | undefined
  /** Overflow, images and fonts of slide `no`, and the URLs it references. */
  inspect: (no: number) => StepFindings
  /** Hides Slidev's empty drawing layer while axe runs (axe takes it for something covering the text). */
  hideDrawingLayer: (hidden: boolean) => void
}

declare global {
  interface Window { __deckGate?: Inspector }
}

interface InspectorConfig {
  slidev: typeof SLIDEV
  tolerance: number
  cjkFonts: string[]
}

/**
 * Runs in the page (serialized, so it sees only its arguments): defines the inspector's parts as small
 * functions and installs them on `window.__deckGate`. `parseRange` and `faceFor` (node/fonts/font-subset.ts's
 * `parseUnicodeRange`, node/fonts/font-match.ts's `matchFace`) are passed in.
 */
function installInspector(config: InspectorConfig, parseRange: typeof parseUnicodeRange, faceFor: typeof matchFace): void {
  const { slidev: S, tolerance, cjkFonts } = config
  const frame = (): Promise<void> => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))
  const wait = (ms: number): Promise<void> => new Promise(done => setTimeout(done, ms))
  const slideOf = (no: number): HTMLElement | null => document.querySelector(`${S.canvas} .${S.pageClass}-${no}`)
  const nav = (): any => (document.querySelector(S.appRoot) as any)?.[S.vueApp]?._context?.provides?.[S.contextKey]?.nav

  // Slide transitions (`transition: fade`) only move whole slides; off, they save ~0.5 s a step and change nothing
  // on the slide itself. v-click and component transitions keep running and are waited for.
  addEventListener('DOMContentLoaded', () => {
    const style = document.createElement('style')
    style.textContent = `${S.slideshow} > * { transition: none !important; animation: none !important; }`
    document.head.append(style)
  })

  /** Finite CSS animations and transitions (v-click fades, component tweens) run to their end; infinite ones are left. */
  const settle = async (): Promise<void> => {
    const running = document.getAnimations().filter(a => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
    await Promise.race([
      Promise.all(running.map(a => a.finished.catch(() => {}))),
      wait(3000),
    ])
  }

  /**
   * Animations driven from script (v-motion, GSAP, hand-written requestAnimationFrame loops) are not in
   * `getAnimations()`: wait until the slide's boxes and inline styles hold still for two frames (at most 3 s).
   */
  const holdStill = async (no: number): Promise<void> => {
    const snapshot = (): string => Array.from(slideOf(no)?.querySelectorAll<HTMLElement>('*') ?? [], (el) => {
      const r = el.getBoundingClientRect()
      return `${r.x.toFixed(1)},${r.y.toFixed(1)},${r.width.toFixed(1)},${r.height.toFixed(1)},${el.style?.cssText ?? ''}`
    }).join('|')
    const deadline = Date.now() + 3000
    let last = snapshot()
    let still = 0
    while (still < 2 && Date.now() < deadline) {
      await new Promise(done => requestAnimationFrame(done))
      const now = snapshot()
      still = now === last
        ? still + 1
        : 0
      last = now
    }
  }

  const goTo = async (no: number, clicks: number): Promise<NavState> => {
    const slidevNav = nav()
    if (!slidevNav)
      throw new Error(`Slidev context not found on ${S.appRoot} (not a Slidev build, or Slidev changed how it provides it: see shared/slidev-internals.ts)`)
    await slidevNav.go(no, clicks)
    const deadline = Date.now() + 10_000
    for (;;) {
      const el = slideOf(no)
      const shown = !!el && el.getClientRects().length > 0 && slidevNav.currentSlideNo === no && slidevNav.clicks === Math.max(clicks, slidevNav.clicksStart)
      if (shown || Date.now() > deadline)
        break
      await frame()
    }
    await frame()
    await settle()
    await document.fonts.ready
    // Text that appeared with this step may need a font slice not asked for before: lay out, then wait again.
    await frame()
    await document.fonts.ready
    const images = [
      ...(slideOf(no)?.querySelectorAll('img') ?? []),
    ]
    await Promise.race([
      Promise.all(images.map(img => img.complete
        ? undefined
        : new Promise((done) => {
            img.addEventListener('load', done, { once: true })
            img.addEventListener('error', done, { once: true })
          }))),
      wait(5000),
    ])
    await settle()
    await holdStill(no)
    return {
      no: slidevNav.currentSlideNo,
      clicks: slidevNav.clicks,
      total: slidevNav.clicksTotal,
      start: slidevNav.clicksStart,
    }
  }

  /** A short CSS-ish path from the slide element down to `el`. */
  const pathOf = (el: Element, root: Element): string => {
    const parts: string[] = []
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
      let part = e.tagName.toLowerCase()
      if (e.id) {
        parts.unshift(`${part}#${e.id}`)
        break
      }
      const classes = [...e.classList].filter(c => !c.startsWith(S.vclickPrefix) && !c.startsWith('data-v-')).slice(0, 2)
      if (classes.length)
        part += `.${classes.join('.')}`
      const parent = e.parentElement
      if (parent) {
        const same = [...parent.children].filter(c => c.tagName === e!.tagName)
        if (same.length > 1)
          part += `:nth-of-type(${same.indexOf(e) + 1})`
      }
      parts.unshift(part)
    }
    const path = parts.length > 6
      ? [
          '…',
          ...parts.slice(-6),
        ]
      : parts
    return path.join(' > ') || root.className.split(' ').map(c => `.${c}`).join('')
  }
  const snippet = (el: Element): string => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    return text
      ? ` "${text.length > 24
        ? `${text.slice(0, 24)}…`
        : text}"`
      : ''
  }
  const hidden = (el: Element): boolean => !!el.closest(`.${S.vclickHidden}`)

  /** The topmost element (or text run) sticking out of the canvas, with the largest overflow in its subtree. */
  const overflow = (root: HTMLElement, canvas: HTMLElement): string[] => {
    interface Rect { left: number, top: number, right: number, bottom: number }
    const findings: string[] = []
    const box = canvas.getBoundingClientRect()
    const scale = box.width / (canvas.offsetWidth || 980)
    const NONE: Rect = {
      left: -Infinity,
      top: -Infinity,
      right: Infinity,
      bottom: Infinity,
    }
    const ZERO: Rect = { left: 0, top: 0, right: 0, bottom: 0 }
    const cut = (a: Rect, b: Rect): Rect => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    })
    const beyond = (r: Rect): Rect => ({
      left: Math.max(0, (box.left - r.left) / scale),
      top: Math.max(0, (box.top - r.top) / scale),
      right: Math.max(0, (r.right - box.right) / scale),
      bottom: Math.max(0, (r.bottom - box.bottom) / scale),
    })
    const max = (a: Rect, b: Rect): Rect => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.max(a.right, b.right),
      bottom: Math.max(a.bottom, b.bottom),
    })
    const over = (r: Rect): boolean => Math.max(r.left, r.top, r.right, r.bottom) > tolerance
    const describe = (r: Rect): string => (['right', 'bottom', 'left', 'top'] as const)
      .filter(side => r[side] > tolerance)
      .map(side => `${side} by ${Math.round(r[side])} px`)
      .join(', ')
    const visit = (el: Element, clip: Rect, reported: boolean): Rect => {
      if (el.classList.contains(S.vclickHidden))
        return ZERO
      const style = getComputedStyle(el)
      if (style.display === 'none' || Number(style.opacity) === 0)
        return ZERO
      const rect = el.getBoundingClientRect()
      let worst = ZERO
      const visible = rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden'
      if (visible) {
        const seen = cut(rect, clip)
        if (seen.right > seen.left && seen.bottom > seen.top)
          worst = beyond(seen)
      }
      const ownOver = over(worst)
      // What this element clips (overflow other than visible) bounds its descendants.
      const clipsChildren = el !== root && (style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.contain.includes('paint'))
      const inner = clipsChildren && visible
        ? cut(clip, rect)
        : clip
      let text = ZERO
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim() && visible) {
          const range = document.createRange()
          range.selectNodeContents(child)
          for (const r of range.getClientRects()) {
            const seen = cut(r, inner)
            if (r.width > 0 && r.height > 0 && seen.right > seen.left && seen.bottom > seen.top)
              text = max(text, beyond(seen))
          }
        }
        else if (child.nodeType === Node.ELEMENT_NODE) {
          worst = max(worst, visit(child as Element, inner, reported || ownOver))
        }
      }
      if (over(text) && !ownOver && !reported)
        findings.push(`text of ${pathOf(el, root)}${snippet(el)} sticks out of the canvas ${describe(text)}`)
      worst = max(worst, text)
      if (ownOver && !reported)
        findings.push(`${pathOf(el, root)}${snippet(el)} sticks out of the canvas ${describe(worst)}`)
      return worst
    }
    visit(root, NONE, false)
    return findings
  }

  const images = (root: HTMLElement): string[] => [
    ...root.querySelectorAll('img'),
  ]
    .filter(img => !hidden(img) && (!img.complete || img.naturalWidth === 0))
    .map(img => `image ${img.getAttribute('src')} not decoded (naturalWidth 0) at ${pathOf(img, root)}`)

  /** The Chinese font: follow CSS font matching down the family list, character by character. */
  const fonts = (root: HTMLElement): string[] => {
    const cjk = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/
    const faces = Array.from(document.fonts, face => ({
      face,
      family: face.family.replace(/^["']|["']$/g, ''),
      weight: Number(face.weight) || 400,
      ranges: parseRange(face.unicodeRange),
    }))
    const problems = new Map<string, string>()
    if (!faces.some(f => cjkFonts.includes(f.family)) && cjk.test(root.textContent ?? ''))
      problems.set('none', `no @font-face for ${cjkFonts.join(' / ')} on the page: import @fontsource/noto-sans-sc in styles/index.ts`)
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const el = node.parentElement
      if (!el || !cjk.test(text) || hidden(el) || !el.getClientRects().length)
        continue
      const style = getComputedStyle(el)
      const families = style.fontFamily.split(',').map(f => f.trim().replace(/^["']|["']$/g, ''))
      const wanted = Number(style.fontWeight) || 400
      for (const ch of new Set([...text].filter(c => cjk.test(c)))) {
        const used = faceFor(faces, families, wanted, ch.codePointAt(0)!)
        if (!used || used === 'generic' || !cjkFonts.includes(used.family)) {
          const key = `family:${style.fontFamily}`
          if (!problems.has(key)) {
            problems.set(key, `Chinese text at ${pathOf(el, root)}${snippet(el)} is drawn by ${used && used !== 'generic'
              ? `'${used.family}'`
              : 'a system font'}, not ${cjkFonts.join(' / ')} (font-family: ${style.fontFamily})`)
          }
          break
        }
        if (used.face.status !== 'loaded') {
          const key = `face:${used.family}:${used.face.weight}:${used.face.unicodeRange}`
          if (!problems.has(key))
            problems.set(key, `${used.family} ${used.face.weight} face for "${ch}" (${used.face.unicodeRange.slice(0, 24)}…) is '${used.face.status}', not 'loaded', at ${pathOf(el, root)}${snippet(el)}`)
        }
      }
      // Where the slide shows these characters in regular weight: the family drawing them has them loaded.
      if (text.includes('虚拟化') && wanted <= 500) {
        const family = families.find(f => cjkFonts.includes(f) && faces.some(x => x.family === f && x.ranges.some(([lo, hi]) => lo <= 0x865A && hi >= 0x865A)))
        if (family && !document.fonts.check(`16px "${family}"`, '虚拟化'))
          problems.set('check', `document.fonts.check('16px "${family}"', '虚拟化') is false at ${pathOf(el, root)}: the font is not loaded`)
      }
    }
    return [
      ...problems.values(),
    ]
  }

  /** What the slide loads, so a failed or off-machine request can be pinned to the slide that asked. */
  const references = (root: HTMLElement): string[] => {
    const urls = new Set<string>()
    const add = (value: string | null | undefined): void => {
      if (value)
        urls.add(new URL(value, document.baseURI).href)
    }
    for (const el of root.querySelectorAll<HTMLElement>('[src], [srcset], [poster], [data], [style*="url("]')) {
      for (const attr of ['src', 'poster', 'data'])
        add(el.getAttribute(attr))
      for (const part of (el.getAttribute('srcset') ?? '').split(','))
        add(part.trim().split(/\s+/)[0])
      for (const m of el.style.cssText.matchAll(/url\(["']?([^"')]+)["']?\)/g))
        add(m[1])
    }
    return [...urls]
  }

  const inspect = (no: number): StepFindings => {
    const canvas = document.querySelector<HTMLElement>(S.canvas)
    const root = slideOf(no)
    if (!canvas || !root) {
      return {
        findings: [`slide ${no} is not on the canvas (${S.canvas} .${S.pageClass}-${no} missing)`],
        urls: [],
      }
    }
    return {
      findings: [
        ...overflow(root, canvas),
        ...images(root),
        ...fonts(root),
      ],
      urls: references(root),
    }
  }

  const hideDrawingLayer = (hide: boolean): void => {
    for (const svg of document.querySelectorAll<SVGElement>(S.drawingLayer)) {
      if (!hide || !svg.childElementCount)
        svg.style.display = hide ? 'none' : ''
    }
  }

  window.__deckGate = {
    goTo,
    total: () => nav()?.total,
    inspect,
    hideDrawingLayer,
  }
}

/** The init script: the inspector with its configuration and the shared unicode-range parser. */
const INSPECTOR_SCRIPT = `(${installInspector.toString()})(${JSON.stringify({ slidev: SLIDEV, tolerance: TOLERANCE_PX, cjkFonts: CJK_FONTS } satisfies InspectorConfig)}, ${parseUnicodeRange}, ${matchFace})`

/**
 * Loads the site and waits for the app: a prerendered page paints and the network goes idle before Slidev has
 * mounted, and on a busy machine the gap is seconds.
 */
async function openDeck(page: Page, load: () => Promise<unknown>): Promise<void> {
  await load()
  await page.waitForFunction(() => window.__deckGate?.total(), undefined, { timeout: 60_000 })
    .catch((error: Error) => {
      throw new Error(`the app did not start on ${page.url()} within 60 s (${error.message.split('\n')[0]}): open it in a browser and look at the console`)
    })
}

function goTo(page: Page, no: number, clicks: number): Promise<NavState> {
  return page.evaluate(([no, clicks]) => window.__deckGate!.goTo(no, clicks), [no, clicks] as const)
}

function inspect(page: Page, no: number): Promise<StepFindings> {
  return page.evaluate(no => window.__deckGate!.inspect(no), no)
}

// ---------- the gate ----------

interface Seen {
  slide: number
  click: number
  mode: Mode
  what: string
  screenshot: string
  /** The resource a request or console line is about, to pin it on the slide that references it. */
  url?: string
}

interface ModeRun {
  /** The served site's URL, ending in its base. */
  url: string
  mode: Mode
  total: number
  shots: string | false
  allowRemote: boolean
  log: (line: string) => void
  /** Things the gate worked around, and remote requests let through. */
  notes: string[]
  /** The axe rules to run (default: all). */
  axeRules?: string[]
}

/** axe rules whose outcome depends on the colour scheme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

async function gateMode(context: BrowserContext, run: ModeRun): Promise<{ seen: Seen[], steps: number }> {
  const { url, mode, total, shots, log, notes } = run
  const seen: Seen[] = []
  const page = await context.newPage()
  // Slide 0 while the deck loads: Slidev may mount any slide then (sorted out below).
  let at = { slide: 0, click: 0, screenshot: '' }
  const record = (what: string, about?: string): void => {
    // A component that threw names its own slide (client/slide-errors.ts: `[deck] slide N: …`): Slidev may
    // have mounted it ahead, hidden, while another slide is shown.
    const thrower = Number(/\[deck\] slide (\d+):/.exec(what)?.[1])
    seen.push(thrower && thrower !== at.slide
      ? {
          slide: thrower,
          click: 0,
          screenshot: '',
          mode,
          what,
          url: about,
        }
      : { ...at, mode, what, url: about })
  }
  // Nothing leaves the machine unless allowed; everything the page does wrong is recorded at the current step.
  await watchPage(page, {
    allowRemote: run.allowRemote,
    onTrouble: trouble => trouble.what.startsWith('request off the machine (allowed)')
      ? notes.push(`${mode}: ${trouble.what}`)
      : record(trouble.what, trouble.url),
  })
  await page.addInitScript({ content: INSPECTOR_SCRIPT })
  // A query string starts the app at once, not on the first key or pointer move (node/make/pages/prerender.ts).
  await openDeck(page, () => page.goto(`${url}1?clicks=0`, { waitUntil: 'networkidle' }))
  const isDark = (): Promise<boolean> => page.evaluate(() => document.documentElement.classList.contains('dark'))
  if (await isDark() !== (mode === 'dark')) {
    // colorSchema `auto` follows prefers-color-scheme; if that did not take, pin Slidev's own switch and reload.
    await page.evaluate(([key, m]) => localStorage.setItem(key, m), [SLIDEV.colorSchemaStorage, mode] as const)
    await openDeck(page, () => page.reload({ waitUntil: 'networkidle' }))
    if (await isDark() !== (mode === 'dark')) {
      await page.evaluate(d => document.documentElement.classList.toggle('dark', d), mode === 'dark')
      notes.push(`${mode}: html.dark did not follow the color scheme; toggled the class by hand`)
    }
  }

  // Slidev mounts neighbouring (and after 3 s all) slides hidden, so a slide's images load while another is shown:
  // remember which step first references each URL.
  const referencedAt = new Map<string, typeof at>()
  const time = {
    navigate: 0,
    inspect: 0,
    screenshot: 0,
    axe: 0,
  }
  const timed = async <T>(key: keyof typeof time, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now()
    try {
      return await work()
    }
    finally {
      time[key] += performance.now() - t0
    }
  }
  let steps = 0
  for (let no = 1; no <= total; no++) {
    // What the page says while it opens slide `no` is slide `no`'s.
    at = { slide: no, click: 0, screenshot: '' }
    const state = await timed('navigate', () => goTo(page, no, 0))
    if (state.no !== no) {
      record(`could not open slide ${no} (Slidev shows slide ${state.no})`)
      continue
    }
    for (let click = state.start; click <= state.total; click++) {
      const file = shots
        ? join(shots, mode, `${String(no).padStart(2, '0')}-c${click}.png`)
        : ''
      at = { slide: no, click, screenshot: file }
      if (click !== state.start)
        await timed('navigate', () => goTo(page, no, click))
      const { findings, urls } = await timed('inspect', () => inspect(page, no))
      for (const what of findings)
        record(what)
      for (const u of urls) {
        if (!referencedAt.has(u))
          referencedAt.set(u, at)
      }
      if (file) {
        await timed('screenshot', async () => {
          const box = await page.locator(SLIDEV.canvas).boundingBox()
          await page.screenshot({ path: file, clip: box ?? undefined })
        })
      }
      steps++
      // axe is the slow part: run it once per slide and mode, at the last click step, where everything is shown
      // (every step would double the gate's time). Legacy mode runs axe.run in the page itself; the default
      // opens a blank page per run to merge frame results, 4× slower, and slides have no cross-origin frames.
      if (click === state.total) {
        // Slidev's drawing layer is an empty <svg> over the whole canvas: axe takes it for something covering the
        // text and files every color-contrast check as "incomplete" (bgOverlap). Hidden while axe runs, unless drawn on.
        await page.evaluate(() => window.__deckGate!.hideDrawingLayer(true))
        const builder = new AxeBuilder({ page: page as unknown as AxePage }).include(`${SLIDEV.canvas} ${slideSelector(no)}`).setLegacyMode(true)
        const axe = await timed('axe', () => (run.axeRules
          ? builder.withRules(run.axeRules)
          : builder).analyze())
        await page.evaluate(() => window.__deckGate!.hideDrawingLayer(false))
        for (const v of axe.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical')
            continue
          const targets = v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')
          const detail = v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join('').trim()
          record(`axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} node${v.nodes.length === 1
            ? ''
            : 's'}: ${targets}${v.nodes.length > 3
            ? ' …'
            : ''}${detail
            ? ` (${detail})`
            : ''}`)
        }
      }
    }
    log(`${mode}: slide ${no}/${total}, ${state.total - state.start + 1} step(s)`)
  }
  // Let late console messages and request failures of the last slide arrive.
  await page.waitForTimeout(200)
  await page.close()
  for (const s of seen) {
    const owner = s.url
      ? referencedAt.get(s.url)
      : undefined
    if (owner)
      Object.assign(s, owner)
  }
  // A message while the deck loaded comes again when the gate shows its slide; one that never did is slide 1's.
  const later = new Set(seen.filter(s => s.slide > 0).map(s => s.what))
  for (const s of seen.filter(s => s.slide === 0)) {
    if (later.has(s.what))
      seen.splice(seen.indexOf(s), 1)
    else
      s.slide = 1
  }
  const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`
  log(`${mode}: ${steps} steps — navigate ${sec(time.navigate)}, inspect ${sec(time.inspect)}, screenshots ${sec(time.screenshot)}, axe ${sec(time.axe)}`)
  return { seen, steps }
}

/** The same fault at several click steps (and in both modes) becomes one problem. */
function merge(seen: Seen[], slides: DeckSlide[], entryFile: string): GateProblem[] {
  const byKey = new Map<string, GateProblem>()
  for (const s of seen) {
    const key = `${s.slide}\u0000${s.what}`
    const slide = slides[s.slide - 1]
    const problem = byKey.get(key) ?? {
      file: slide?.file ?? entryFile,
      line: slide?.line ?? 1,
      slide: s.slide,
      clicks: [],
      modes: [],
      what: s.what,
      screenshot: s.screenshot,
    }
    if (!problem.clicks.includes(s.click))
      problem.clicks.push(s.click)
    if (!problem.modes.includes(s.mode))
      problem.modes.push(s.mode)
    byKey.set(key, problem)
  }
  return [
    ...byKey.values(),
  ].sort((a, b) => a.slide - b.slide || Math.min(...a.clicks) - Math.min(...b.clicks) || a.what.localeCompare(b.what))
}

export async function runGate(options: GateOptions): Promise<GateResult> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const modes = options.modes ?? ['light', 'dark']
  const entry = resolve(options.entry ?? 'slides.md')
  const { slides } = await readDeck(entry)
  const shots = options.screenshots === undefined
    ? 'screenshots'
    : options.screenshots
  if (shots) {
    for (const mode of modes) {
      rmSync(join(shots, mode), { recursive: true, force: true })
      mkdirSync(join(shots, mode), { recursive: true })
    }
  }
  const server = await serveStatic(options.siteDir, { base: options.base })
  const browser = options.browser ?? await launchChromium()
  const notes: string[] = []
  try {
    // The site's own slide count is the truth for navigation; the deck gives file:line.
    const probe = await browser.newPage()
    await watchPage(probe, { allowRemote: options.allowRemote })
    await probe.addInitScript({ content: INSPECTOR_SCRIPT })
    await openDeck(probe, () => probe.goto(`${server.url}1?clicks=0`, { waitUntil: 'domcontentloaded' }))
    const total = Number(await probe.evaluate(() => window.__deckGate!.total()))
    await probe.close()
    const seen: Seen[] = []
    if (total !== slides.length) {
      seen.push({
        slide: 1,
        click: 0,
        mode: modes[0],
        screenshot: '',
        what: `the site has ${total} slides but ${relative(process.cwd(), entry)} has ${slides.length}: rebuild the site so file:line point at the right slides`,
      })
    }
    // Both modes at once, one page each: the waits of one overlap the work of the other.
    const runs = await Promise.all(modes.map(async (mode) => {
      const context = await browser.newContext({
        viewport: { width: 980, height: 552 },
        deviceScaleFactor: 1,
        colorScheme: mode,
        reducedMotion: 'no-preference',
      })
      try {
        return await gateMode(context, {
          url: server.url,
          mode,
          total,
          shots,
          log,
          notes,
          allowRemote: options.allowRemote ?? false,
          // Only colours differ between the modes: the other axe rules (names, roles, alt text, structure) run once.
          axeRules: mode === modes[0]
            ? undefined
            : COLOUR_RULES,
        })
      }
      finally {
        await context.close()
      }
    }))
    for (const run of runs)
      seen.push(...run.seen)
    return {
      problems: merge(seen, slides, relative(process.cwd(), entry)),
      slides: total,
      steps: runs.reduce((sum, run) => sum + run.steps, 0),
      seconds: (performance.now() - started) / 1000,
      notes,
    }
  }
  finally {
    if (!options.browser)
      await browser.close()
    await server.close()
  }
}

function clickList(clicks: number[]): string {
  const sorted = [...clicks].sort((a, b) => a - b)
  const contiguous = sorted.every((c, i) => i === 0 || c === sorted[i - 1] + 1)
  return sorted.length > 2 && contiguous
    ? `${sorted[0]}-${sorted.at(-1)}`
    : sorted.join(',')
}

/** One line a problem: `file:line  slide N  click K  mode  what  (screenshot)`. */
export function formatGateProblem(p: GateProblem): string {
  return `${p.file}:${p.line}  slide ${p.slide}  click ${clickList(p.clicks)}  ${p.modes.join('+')}  ${p.what}${p.screenshot
    ? `  (${p.screenshot})`
    : ''}`
}

export function formatGateReport(result: GateResult): string {
  const lines = result.problems.map(formatGateProblem)
  lines.push(...result.notes.map(n => `note: ${n}`))
  lines.push(`${result.problems.length} problem${result.problems.length === 1
    ? ''
    : 's'} — ${result.steps} slide-steps on ${result.slides} slides checked in ${result.seconds.toFixed(1)} s`)
  return lines.join('\n')
}

/** `lectern gate` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern gate',
    summary: 'Open the built site in Chromium and check every slide at every click, light and dark: overflow, console trouble, requests off the machine, images, fonts, axe.',
    positionals: '[siteDir=dist]',
    options: {
      'entry': {
        type: 'string',
        value: 'slides.md',
        help: 'the deck\'s entry file, for file:line of each slide',
        default: 'slides.md',
      },
      'base': {
        type: 'string',
        value: 'path',
        help: 'the sub-path the site was built for',
        default: '/',
      },
      'screenshots': {
        type: 'string',
        value: 'dir',
        help: 'where light/ and dark/ PNGs of every step go',
        default: 'screenshots',
      },
      'allow-remote': { type: 'boolean', help: 'let the deck load remote assets (each URL is noted); default: blocked and reported' },
      'quiet': { type: 'boolean', help: 'no progress lines on stderr' },
    },
    run: async ({ values, positionals }) => {
      const result = await runGate({
        siteDir: positionals[0] ?? 'dist',
        base: values.base,
        entry: values.entry,
        screenshots: values.screenshots,
        allowRemote: values['allow-remote'],
        log: values.quiet
          ? undefined
          : line => console.error(line),
      })
      process.stdout.write(`${formatGateReport(result)}\n`)
      // Words and balance per slide (issue #11, node/verify/gate/density.ts), from the slides PDF the build put in the site:
      // the house targets, for a deck that opts into them. Printed for authors; `npm run density` fails on it.
      if ((await readDeck(values.entry)).houseRules) {
        const { densitySection } = await import('./density.ts')
        process.stdout.write(await densitySection(join(positionals[0] ?? 'dist', 'slides.pdf'), values.entry))
      }
      return result.problems.length ? 1 : 0
    },
  }, argv)
}
