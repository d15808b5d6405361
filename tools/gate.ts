/**
 * Browser quality gate: opens the *built* site in Chromium and checks every slide at every click step,
 * in light and in dark mode, for what only a browser can see.
 *   node tools/gate.ts [siteDir=dist] [--base /x/] [--entry slides.md] [--screenshots screenshots]
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
 * gate takes the Slidev context the app provides (`#app.__vue_app__` → '$$slidev-context' → nav) and moves with
 * `nav.go(no, clicks)`, i.e. the same router push (`/N?clicks=K`) the arrow keys make, in one page per mode.
 */
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { DeckSlide } from './deck.ts'
import { mkdirSync, rmSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { AxeBuilder } from '@axe-core/playwright'
import { launchChromium } from './browser.ts'
import { readDeck } from './deck.ts'
import { serveStatic } from './serve.ts'

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
 * (styles/index.ts, tools/font-subset.ts). Latin-only faces before them (JetBrains Mono in code) are skipped
 * by their unicode-range, as the browser does.
 */
const CJK_FONTS = ['Deck Sans', 'Noto Sans SC']

interface StepFindings {
  findings: string[]
  /** Every resource URL the slide references (img, source, video, iframe, CSS backgrounds), absolute. */
  urls: string[]
}

// ---------- in the page ----------

/** Moves to slide `no` at click `clicks` and waits until it is painted and settled; returns Slidev's view of it. */
async function goTo(page: Page, no: number, clicks: number): Promise<{ no: number, clicks: number, total: number, start: number }> {
  return page.evaluate(async ([no, clicks]) => {
    const app = (document.querySelector('#app') as any)?.__vue_app__
    const nav = app?._context?.provides?.['$$slidev-context']?.nav
    if (!nav)
      throw new Error('Slidev context not found on #app (not a Slidev build, or Slidev changed how it provides it)')
    await nav.go(no, clicks)
    const frame = (): Promise<void> => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))
    const deadline = Date.now() + 10_000
    for (;;) {
      const el = document.querySelector(`#slide-content .slidev-page-${no}`) as HTMLElement | null
      const shown = !!el && el.getClientRects().length > 0 && nav.currentSlideNo === no && nav.clicks === Math.max(clicks, nav.clicksStart)
      if (shown || Date.now() > deadline)
        break
      await frame()
    }
    await frame()
    // Finite CSS animations and transitions (v-click fades, component tweens) run to their end; infinite ones are left.
    const settle = async (): Promise<void> => {
      const running = document.getAnimations().filter(a => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
      await Promise.race([
        Promise.all(running.map(a => a.finished.catch(() => {}))),
        new Promise(done => setTimeout(done, 3000)),
      ])
    }
    await settle()
    await document.fonts.ready
    // Text that appeared with this step may need a font slice not asked for before: lay out, then wait again.
    await frame()
    await document.fonts.ready
    const images = [
      ...document.querySelectorAll<HTMLImageElement>(`#slide-content .slidev-page-${no} img`),
    ]
    await Promise.race([
      Promise.all(images.map(img => img.complete
        ? undefined
        : new Promise((done) => {
            img.addEventListener('load', done, { once: true })
            img.addEventListener('error', done, { once: true })
          }))),
      new Promise(done => setTimeout(done, 5000)),
    ])
    await settle()
    return {
      no: nav.currentSlideNo,
      clicks: nav.clicks,
      total: nav.clicksTotal,
      start: nav.clicksStart,
    }
  }, [no, clicks] as const)
}

/** Overflow, images and fonts of the current slide, measured in the page. */
async function inspect(page: Page, no: number): Promise<StepFindings> {
  return page.evaluate(([no, tolerance, cjkFonts]) => {
    const findings: string[] = []
    const urls = new Set<string>()
    const canvas = document.querySelector('#slide-content') as HTMLElement | null
    const root = canvas?.querySelector(`.slidev-page-${no}`) as HTMLElement | null
    if (!canvas || !root) {
      return {
        findings: [`slide ${no} is not on the canvas (#slide-content .slidev-page-${no} missing)`],
        urls: [],
      }
    }
    const box = canvas.getBoundingClientRect()
    const scale = box.width / (canvas.offsetWidth || 980)

    /** A short CSS-ish path from the slide element down to `el`. */
    const pathOf = (el: Element): string => {
      const parts: string[] = []
      for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
        let part = e.tagName.toLowerCase()
        if (e.id) {
          parts.unshift(`${part}#${e.id}`)
          break
        }
        const classes = [...e.classList].filter(c => !c.startsWith('slidev-vclick') && !c.startsWith('data-v-')).slice(0, 2)
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

    // --- overflow: the topmost element (or text run) sticking out, with the largest overflow in its subtree ---
    interface Rect { left: number, top: number, right: number, bottom: number }
    const NONE: Rect = {
      left: -Infinity,
      top: -Infinity,
      right: Infinity,
      bottom: Infinity,
    }
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
    const ZERO: Rect = { left: 0, top: 0, right: 0, bottom: 0 }
    const over = (r: Rect): boolean => Math.max(r.left, r.top, r.right, r.bottom) > tolerance
    const describe = (r: Rect): string => (['right', 'bottom', 'left', 'top'] as const)
      .filter(side => r[side] > tolerance)
      .map(side => `${side} by ${Math.round(r[side])} px`)
      .join(', ')

    const visit = (el: Element, clip: Rect, reported: boolean): Rect => {
      if (el.classList.contains('slidev-vclick-hidden'))
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
        findings.push(`text of ${pathOf(el)}${snippet(el)} sticks out of the canvas ${describe(text)}`)
      worst = max(worst, text)
      if (ownOver && !reported)
        findings.push(`${pathOf(el)}${snippet(el)} sticks out of the canvas ${describe(worst)}`)
      return worst
    }
    visit(root, NONE, false)

    // --- images ---
    for (const img of root.querySelectorAll('img')) {
      if (!img.closest('.slidev-vclick-hidden') && (!img.complete || img.naturalWidth === 0))
        findings.push(`image ${img.getAttribute('src')} not decoded (naturalWidth 0) at ${pathOf(img)}`)
    }

    // --- the Chinese font: follow CSS font matching down the family list, character by character ---
    const cjk = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/
    const GENERIC = new Set([
      'serif',
      'sans-serif',
      'monospace',
      'cursive',
      'fantasy',
      'system-ui',
      'ui-sans-serif',
      'ui-serif',
      'ui-monospace',
      'math',
      'emoji',
    ])
    const parseRange = (range: string): [number, number][] => range.split(',').map((part) => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-')
      return [
        Number.parseInt(a.replace(/\?/g, '0'), 16),
        Number.parseInt(b ?? a.replace(/\?/g, 'f'), 16),
      ] as [number, number]
    })
    const facesOf = new Map<string, { face: FontFace, weight: number, ranges: [number, number][] }[]>()
    for (const face of document.fonts) {
      const family = face.family.replace(/^["']|["']$/g, '')
      facesOf.set(family, [
        ...(facesOf.get(family) ?? []),
        {
          face,
          weight: Number(face.weight) || 400,
          ranges: parseRange(face.unicodeRange),
        },
      ])
    }
    if (!cjkFonts.some(f => facesOf.has(f)))
      findings.push(`no @font-face for ${cjkFonts.join(' / ')} on the page: import @fontsource/noto-sans-sc in styles/index.ts`)
    /** The face weight CSS font matching picks for a wanted weight among those a family has (CSS Fonts 4, §5.2). */
    const pickWeight = (weights: number[], w: number): number => {
      const up = weights.filter(x => x >= w).sort((a, b) => a - b)
      const down = weights.filter(x => x < w).sort((a, b) => b - a)
      if (w >= 400 && w <= 500)
        return up.find(x => x <= 500) ?? down[0] ?? up[0]
      return w < 400
        ? (down[0] ?? up[0])
        : (up[0] ?? down[0])
    }
    const fontProblems = new Map<string, string>()
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const el = node.parentElement
      if (!el || !cjk.test(text) || el.closest('.slidev-vclick-hidden') || !el.getClientRects().length)
        continue
      const style = getComputedStyle(el)
      const families = style.fontFamily.split(',').map(f => f.trim().replace(/^["']|["']$/g, ''))
      const wanted = Number(style.fontWeight) || 400
      for (const ch of new Set([...text].filter(c => cjk.test(c)))) {
        const code = ch.codePointAt(0)!
        // The first family with a face whose unicode-range holds the character draws it; families with no
        // @font-face here (not installed) are skipped; a generic family means the system fallback font.
        let used: { family: string, face?: FontFace } | undefined
        for (const family of families) {
          if (GENERIC.has(family)) {
            used = { family }
            break
          }
          const faces = (facesOf.get(family) ?? []).filter(f => f.ranges.some(([lo, hi]) => code >= lo && code <= hi))
          if (faces.length) {
            const weight = pickWeight([
              ...new Set(faces.map(f => f.weight)),
            ], wanted)
            used = { family, face: faces.find(f => f.weight === weight)!.face }
            break
          }
        }
        if (!used || !cjkFonts.includes(used.family)) {
          const key = `family:${style.fontFamily}`
          if (!fontProblems.has(key)) {
            fontProblems.set(key, `Chinese text at ${pathOf(el)}${snippet(el)} is drawn by ${used
              ? `'${used.family}'`
              : 'a system font'}, not ${cjkFonts.join(' / ')} (font-family: ${style.fontFamily})`)
          }
          break
        }
        if (used.face && used.face.status !== 'loaded') {
          const key = `face:${used.family}:${used.face.weight}:${used.face.unicodeRange}`
          if (!fontProblems.has(key))
            fontProblems.set(key, `${used.family} ${used.face.weight} face for "${ch}" (${used.face.unicodeRange.slice(0, 24)}…) is '${used.face.status}', not 'loaded', at ${pathOf(el)}${snippet(el)}`)
        }
      }
      // The issue's check, where the slide shows these characters in regular weight: the family drawing them has them loaded.
      if (text.includes('虚拟化') && wanted <= 500) {
        const family = families.find(f => cjkFonts.includes(f) && (facesOf.get(f) ?? []).some(x => x.ranges.some(([lo, hi]) => lo <= 0x865A && hi >= 0x865A)))
        if (family && !document.fonts.check(`16px "${family}"`, '虚拟化'))
          fontProblems.set('check', `document.fonts.check('16px "${family}"', '虚拟化') is false at ${pathOf(el)}: the font is not loaded`)
      }
    }
    findings.push(...fontProblems.values())

    // --- what the slide loads, so a failed or off-machine request can be pinned to the slide that asked ---
    for (const el of root.querySelectorAll<HTMLElement>('[src], [srcset], [poster], [data], [style*="url("]')) {
      for (const attr of ['src', 'poster', 'data']) {
        const value = el.getAttribute(attr)
        if (value)
          urls.add(new URL(value, document.baseURI).href)
      }
      for (const part of (el.getAttribute('srcset') ?? '').split(',')) {
        if (part.trim())
          urls.add(new URL(part.trim().split(/\s+/)[0], document.baseURI).href)
      }
      for (const m of el.style.cssText.matchAll(/url\(["']?([^"')]+)["']?\)/g))
        urls.add(new URL(m[1], document.baseURI).href)
    }
    return {
      findings,
      urls: [...urls],
    }
  }, [no, TOLERANCE_PX, CJK_FONTS] as const)
}

// ---------- the gate ----------

function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  return ['data:', 'blob:', 'about:'].includes(protocol) || hostname === '127.0.0.1'
}

interface Seen {
  slide: number
  click: number
  mode: Mode
  what: string
  screenshot: string
  /** The resource a request or console line is about, to pin it on the slide that references it. */
  url?: string
}

async function gateMode(context: BrowserContext, url: string, mode: Mode, total: number, shots: string | false, log: (line: string) => void, notes: string[]): Promise<{ seen: Seen[], steps: number }> {
  const seen: Seen[] = []
  const page = await context.newPage()
  let at = { slide: 1, click: 0, screenshot: '' }
  const record = (what: string, about?: string): void => {
    seen.push({ ...at, mode, what, url: about })
  }
  const aborted = new Set<string>()
  // Nothing leaves the machine: any request not to the local server is aborted and reported.
  await page.route(target => !isLocal(target.href), async (route) => {
    const off = route.request().url()
    aborted.add(off)
    record(`request off the machine (blocked): ${off}`, off)
    await route.abort('blockedbyclient')
  })
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning')
      return
    const source = message.location().url || undefined
    // Chromium repeats each aborted request as "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT"; reported above.
    if (source && aborted.has(source) && message.text().includes('ERR_BLOCKED_BY_CLIENT'))
      return
    record(`console ${message.type()}: ${message.text().slice(0, 300)}`, source)
  })
  page.on('pageerror', error => record(`page error: ${error.message.slice(0, 300)}`))
  page.on('requestfailed', (request) => {
    if (!aborted.has(request.url()))
      record(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`, request.url())
  })
  page.on('response', (response) => {
    if (response.status() >= 400)
      record(`HTTP ${response.status()}: ${response.url()}`, response.url())
  })

  // Slide transitions (`transition: fade`) only move whole slides; turning them off here saves ~0.5 s a step
  // and changes nothing on the slide itself. v-click and component transitions keep running and are waited for.
  await page.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style')
      style.textContent = '#slideshow > * { transition: none !important; animation: none !important; }'
      document.head.append(style)
    })
  })
  // A query string starts the app at once instead of on the first key or pointer move (tools/prerender.ts).
  await page.goto(`${url}1?clicks=0`, { waitUntil: 'networkidle' })
  const isDark = (): Promise<boolean> => page.evaluate(() => document.documentElement.classList.contains('dark'))
  if (await isDark() !== (mode === 'dark')) {
    // colorSchema `auto` follows prefers-color-scheme; if that did not take, pin Slidev's own switch and reload.
    await page.evaluate(m => localStorage.setItem('slidev-color-schema', m), mode)
    await page.reload({ waitUntil: 'networkidle' })
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
          const box = await page.locator('#slide-content').boundingBox()
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
        await page.evaluate(() => {
          for (const svg of document.querySelectorAll<SVGElement>('#slide-content > svg')) {
            if (!svg.childElementCount)
              svg.style.display = 'none'
          }
        })
        const axe = await timed('axe', () => new AxeBuilder({ page: page as unknown as AxePage }).include(`#slide-content .slidev-page-${no}`).setLegacyMode(true).analyze())
        await page.evaluate(() => {
          for (const svg of document.querySelectorAll<SVGElement>('#slide-content > svg'))
            svg.style.display = ''
        })
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
  const deckRoot = dirname(entry)
  const deck = await readDeck(basename(entry), deckRoot)
  const slides = deck.slides.map(s => ({
    ...s,
    file: relative(process.cwd(), join(deckRoot, s.file)),
  }))
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
    await probe.goto(`${server.url}1?clicks=0`, { waitUntil: 'domcontentloaded' })
    const total = await probe.waitForFunction(() => (document.querySelector('#app') as any)?.__vue_app__?._context?.provides?.['$$slidev-context']?.nav?.total as number | undefined)
      .then(async handle => Number(await handle.jsonValue()))
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
        return await gateMode(context, server.url, mode, total, shots, log, notes)
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

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      base: { type: 'string', default: '/' },
      entry: { type: 'string', default: 'slides.md' },
      screenshots: { type: 'string', default: 'screenshots' },
      quiet: { type: 'boolean', default: false },
    },
  })
  try {
    const result = await runGate({
      siteDir: positionals[0] ?? 'dist',
      base: values.base,
      entry: values.entry,
      screenshots: values.screenshots,
      log: values.quiet
        ? undefined
        : line => console.error(line),
    })
    process.stdout.write(`${formatGateReport(result)}\n`)
    process.exitCode = result.problems.length ? 1 : 0
  }
  catch (error) {
    console.error(error instanceof Error
      ? error.message
      : error)
    process.exitCode = 2
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  void main()
