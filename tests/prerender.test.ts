import type { Buffer } from 'node:buffer'
import type { Page } from 'playwright-chromium'
import type { Deck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import type { Session } from './browser.ts'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { SLIDEV } from 'slidev-addon-lectern/shared/slidev-internals.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchPage } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { pageTitle, startApp } from '../packages/slidev-addon-lectern/node/make/pages/prerender.ts'
import { navState, openSite, site } from './browser.ts'

let session: Session
let deck: Deck

beforeAll(async () => {
  session = await openSite()
  deck = await readDeck()
})
afterAll(() => session?.close())

const squash = (text: string | null) => (text ?? '').replace(/\s+/g, '')

/** First, middle and last slide, and the first slide with clicks: enough to catch an off-by-one. */
function sample(): number[] {
  const clicky = deck.slides.find(s => /v-clicks?|\[click\]|<v-click/.test(s.content))?.no ?? 2
  return [
    ...new Set([
      1,
      clicky,
      Math.ceil(deck.slides.length / 2),
      deck.slides.length,
    ]),
  ]
}

/** Layout shifts the page reports, recorded from the first paint on. */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shifts = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) (window as any).__shifts += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
  return () => page.evaluate(() => (window as any).__shifts as number)
}

/** Share of pixels that differ between two screenshots, computed in the browser. */
async function pixelDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([a, b]) => {
    const load = async (src: string) => {
      const img = new Image()
      img.src = src
      await img.decode()
      const canvas = new OffscreenCanvas(img.width, img.height)
      const context = canvas.getContext('2d')!
      context.drawImage(img, 0, 0)
      return context.getImageData(0, 0, img.width, img.height).data
    }
    const [x, y] = await Promise.all([
      load(a),
      load(b),
    ])
    let differing = 0
    for (let i = 0; i < x.length; i += 4) {
      if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 48)
        differing++
    }
    return differing / (x.length / 4)
  }, [`data:image/png;base64,${a.toString('base64')}`, `data:image/png;base64,${b.toString('base64')}`])
}

describe('a prerendered page per slide', () => {
  it('writes a page for every slide URL, as GitHub Pages and packages/slidev-addon-lectern/node/core/serve.ts resolve /N and /N/', async () => {
    for (const slide of deck.slides) {
      expect(existsSync(join(site.dir, `${slide.no}.html`)), `${slide.no}.html`).toBe(true)
      expect(existsSync(join(site.dir, `${slide.no}/index.html`)), `${slide.no}/index.html`).toBe(true)
    }
    const no = sample()[2]
    const expected = readFileSync(join(site.dir, `${no}.html`), 'utf8')
    expect(readFileSync(join(site.dir, `${no}/index.html`), 'utf8')).toBe(expected)
    for (const path of [`${no}`, `${no}/`]) {
      const response = await fetch(`${session.server.url}${path}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(expected)
    }
    // Any other route is the bare app (GitHub Pages' 404.html), so /presenter reloads.
    const other = await (await fetch(`${session.server.url}presenter/3`)).text()
    expect(other).toBe(readFileSync(join(site.dir, '404.html'), 'utf8'))
    expect(other).not.toContain('deck-prerender')
  })

  it('every precompressed file (.br, .gz) holds exactly the file beside it', () => {
    const compressed = readdirSync(site.dir, { recursive: true, encoding: 'utf8' }).filter(f => /\.(?:br|gz)$/.test(f))
    expect(compressed.length).toBeGreaterThan(2 * deck.slides.length)
    for (const file of compressed) {
      const bytes = readFileSync(join(site.dir, file))
      const original = readFileSync(join(site.dir, file.replace(/\.(?:br|gz)$/, '')))
      expect(file.endsWith('.br')
        ? brotliDecompressSync(bytes).equals(original)
        : gunzipSync(bytes).equals(original), file).toBe(true)
    }
  })

  it('without JavaScript, every sampled slide URL shows its title, its text and links to its neighbours and the PDFs', async () => {
    const context = await session.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 412, height: 823 },
    })
    const page = await context.newPage()
    for (const no of sample()) {
      const slide = deck.slides[no - 1]
      await page.goto(`${session.server.url}${no}`)
      expect(await page.title()).toBe(pageTitle(slide.title, deck.title))
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
      const description = await page.getAttribute('meta[name="description"]', 'content')
      expect(description?.length).toBeGreaterThan(4)
      // innerText: what a reader sees of the slide.
      // eslint-disable-next-line unicorn/prefer-dom-node-text-content
      const shown = squash(await page.locator(`#deck-prerender .slidev-page-${no}`).innerText())
      expect(shown).toContain(squash(slide.title).slice(0, 6))
      const links = page.locator('#deck-prerender nav a')
      const hrefs = await links.evaluateAll(as => as.map(a => [
        a.getAttribute('rel'),
        a.getAttribute('href'),
      ]))
      expect(hrefs.find(([rel]) => rel === 'prev')?.[1]).toBe(no > 1
        ? (no === 2
            ? site.base
            : `${site.base}${no - 1}`)
        : undefined)
      expect(hrefs.find(([rel]) => rel === 'next')?.[1]).toBe(no < deck.slides.length
        ? `${site.base}${no + 1}`
        : undefined)
      expect(hrefs.map(([, href]) => href)).toEqual(expect.arrayContaining([`${site.base}slides.pdf`, `${site.base}handout.pdf`]))
      // The links are visible, below the slide, not on top of it.
      const slideBox = (await page.locator('#deck-prerender .deck-slide').boundingBox())!
      const navBox = (await page.locator('#deck-prerender nav').boundingBox())!
      expect(navBox.y).toBeGreaterThanOrEqual(slideBox.y + slideBox.height - 1)
      // The phone's reading banner sits between them, covering neither; nothing covers a link.
      const bannerBox = (await page.locator('#deck-prerender .deck-read-banner').boundingBox())!
      expect(bannerBox.y, `slide ${no}: banner below the slide`).toBeGreaterThanOrEqual(slideBox.y + slideBox.height - 1)
      expect(bannerBox.y + bannerBox.height, `slide ${no}: banner above the links`).toBeLessThanOrEqual(navBox.y + 1)
      const covered = await links.evaluateAll(as => as.filter((a) => {
        const box = a.getBoundingClientRect()
        return !a.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2))
      }).map(a => a.textContent))
      expect(covered, `slide ${no}: links covered by something`).toEqual([])
    }
    await context.close()
  })

  it('draws each sampled page, reading banner included, in fonts inlined in the page: no font file fetched, no layout shift', async () => {
    const page = await session.browser.newPage({
      viewport: { width: 412, height: 823 },
    })
    const shifts = await recordShifts(page)
    const fetched: string[] = []
    page.on('request', request => request.resourceType() === 'font' && !request.url().startsWith('data:') && fetched.push(request.url()))
    for (const no of sample()) {
      await page.goto(`${session.server.url}${no}`, { waitUntil: 'networkidle' })
      expect(await page.locator('#deck-prerender .deck-read-banner').isVisible()).toBe(true)
      const faces = await page.evaluate(async () => {
        await document.fonts.ready
        return [...document.fonts].filter(face => face.status !== 'unloaded').map(face => [face.family, face.status])
      })
      expect(faces.length, `slide ${no}`).toBeGreaterThan(0)
      expect(faces.filter(([, status]) => status !== 'loaded'), `slide ${no}`).toEqual([])
      // Shown once its fonts are in: nothing rewraps or moves.
      expect(await shifts(), `slide ${no}`).toBeLessThan(0.001)
    }
    expect(fetched).toEqual([])
    await page.close()
  })

  it('the app takes over the same page with no layout shift and no visible change, at the final click', async () => {
    const no = sample()[1]
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 412, height: 823 },
    ]) {
      const page = await session.browser.newPage({ viewport })
      const trouble = await watchPage(page)
      const shifts = await recordShifts(page)
      await page.goto(`${session.server.url}${no}`, { waitUntil: 'networkidle' })
      // Nothing runs before the reader moves: the page is the copy.
      expect(await page.evaluate(S => !!(document.querySelector(S.appRoot) as any)[S.vueApp], SLIDEV)).toBe(false)
      const before = await page.locator('#deck-prerender .deck-slide').screenshot()
      const box = (await page.locator('#deck-prerender .deck-slide').boundingBox())!
      await startApp(page)
      await page.waitForTimeout(300)
      const after = await page.locator('#slide-content').screenshot()
      const takenOver = (await page.locator('#slide-content').boundingBox())!
      for (const key of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(takenOver[key] - box[key]), key).toBeLessThan(0.5)
      expect(await pixelDifference(page, before, after)).toBeLessThan(0.005)
      expect(await shifts()).toBeLessThan(0.001)
      const position = await navState(page)
      expect(position.no).toBe(no)
      expect(position.clicks).toBe(position.clicksTotal)
      expect(trouble).toEqual([])
      await page.close()
    }
  })

  it('deep links with clicks start the app at once; a key pressed on the copy is handed to the app', async () => {
    const no = sample()[1]
    const page = await session.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    const trouble = await watchPage(page)
    await page.goto(`${session.server.url}${no}?clicks=1`, { waitUntil: 'networkidle' })
    // navState waits for the app: once it runs, the copy is gone.
    expect((await navState(page)).clicks).toBe(1)
    expect(await page.locator('#deck-prerender').count()).toBe(0)

    await page.goto(`${session.server.url}${no}`, { waitUntil: 'networkidle' })
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(url => url.pathname.endsWith(`/${no + 1}`) || url.pathname.endsWith(`/${no + 1}/`), { timeout: 60_000 })
    await page.locator(`#app .slidev-page-${no + 1}`).waitFor()
    await page.keyboard.press('ArrowLeft')
    await page.waitForURL(url => url.pathname.endsWith(`/${no}`), { timeout: 10_000 })
    expect(trouble).toEqual([])
    await page.close()
  })

  it('the parts left out of the first load still work when asked for: overview, go-to, drawing, presenter', async () => {
    const page = await session.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    const trouble = await watchPage(page)
    await page.goto(`${session.server.url}3`, { waitUntil: 'networkidle' })
    await startApp(page)
    // Overview (o): the slides as a grid.
    await page.keyboard.press('o')
    const overview = page.locator('.z-modal.bg-main')
    await overview.locator('.slidev-slide-container').first().waitFor({ timeout: 30_000 })
    await page.keyboard.press('Escape')
    await overview.waitFor({ state: 'detached' })
    // Go to (g): the dialog opens focused; a number and Enter go there.
    await page.keyboard.press('g')
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT', undefined, { timeout: 30_000 })
    await page.keyboard.type('5')
    await page.keyboard.press('Enter')
    await page.waitForURL(url => url.pathname.endsWith('/5'), { timeout: 10_000 })
    // Drawing: the toolbar (with its floating-vue menu) appears, and a stroke lands on the slide.
    await page.mouse.move(640, 700)
    await page.getByTitle('Show drawing toolbar').click()
    await page.getByTitle('Draw with stylus').waitFor({ timeout: 30_000 })
    const layer = page.locator('#slide-content svg.touch-none').first()
    const box = (await layer.boundingBox())!
    await page.mouse.move(box.x + 200, box.y + 200)
    await page.mouse.down()
    await page.mouse.move(box.x + 400, box.y + 300, { steps: 10 })
    await page.mouse.up()
    await expect.poll(() => layer.locator('path').count()).toBeGreaterThan(0)
    // Presenter: its own route, served the bare app.
    await page.goto(`${session.server.url}presenter/2`, { waitUntil: 'networkidle' })
    await page.locator('.slidev-page-2').first().waitFor()
    expect(trouble).toEqual([])
    await page.close()
  })
})
