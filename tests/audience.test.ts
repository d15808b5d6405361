/**
 * What the audience takes home (issue 15): the closing slide's QR code and absolute link previews with a
 * site URL (and none without), both handouts of a deck with stage directions, the reading view on a phone,
 * and `npm run export -- --layout 2` writing only its own file.
 * The small deck in tests/fixtures/audience links the project's layouts and styles.
 */
import type { Browser } from 'playwright-chromium'
import type { Session } from './browser.ts'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, watchPage } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { serveStatic } from '../packages/slidev-addon-lectern/node/core/serve.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { buildSite } from '../packages/slidev-addon-lectern/node/make/build.ts'
import { siteFontFaces, uncoveredCharacters, visibleText } from '../packages/slidev-addon-lectern/node/make/pages/reading.ts'
import { renderHandout } from '../packages/slidev-addon-lectern/node/make/print/handout.ts'
import { openPrintPage } from '../packages/slidev-addon-lectern/node/make/print/slides-pdf.ts'
import { openSite, site } from './browser.ts'
import { pdfInfo, pdfLanguage, pdfOutline, pdfText } from './pdf.ts'

const FIXTURE = 'tests/fixtures/audience/slides.md'
const SITE_URL = 'https://talks.example.org/virt/'
const BASE = '/virt/'
const CLOSING = 4
/** The two-a-page handout's slide images average at least this width in mm (was a fixed 155 mm). */
const MEAN_SLIDE_MM = 165
const scratch = mkdtempSync(join(tmpdir(), 'deck-audience-'))
const withUrl = {
  dist: join(scratch, 'with/dist'),
  exports: join(scratch, 'with/exports'),
}
const without = {
  dist: join(scratch, 'without/dist'),
  exports: join(scratch, 'without/exports'),
}
let browser: Browser

beforeAll(async () => {
  await buildSite({
    entry: FIXTURE,
    out: withUrl.dist,
    exportsDir: withUrl.exports,
    base: BASE,
    siteUrl: SITE_URL,
  })
  await buildSite({
    entry: FIXTURE,
    out: without.dist,
    exportsDir: without.exports,
    base: BASE,
  })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  rmSync(scratch, { recursive: true, force: true })
})

/** The QR codes, images and site boxes a slide shows, in the play view of a built site. */
async function slideExtras(dist: string, no: number) {
  const server = await serveStatic(dist, { base: BASE })
  const page = await browser.newPage({
    viewport: { width: 1280, height: 720 },
  })
  try {
    const trouble = await watchPage(page)
    await page.goto(`${server.url}${no}`, { waitUntil: 'networkidle' })
    const slide = page.locator(`.slidev-page-${no}`)
    await slide.waitFor()
    return {
      trouble,
      qr: await slide.locator('svg[role="img"]').evaluateAll(svgs => svgs.map(s => ({
        label: s.getAttribute('aria-label'),
        width: s.getBoundingClientRect().width,
      }))),
      text: (await slide.textContent() ?? '').replace(/\s+/g, ''),
      brokenImages: await slide.locator('img').evaluateAll(imgs => imgs.filter(i => !(i as HTMLImageElement).naturalWidth).length),
      siteBoxes: await slide.locator('.deck-closing-site, .deck-cover-qr').count(),
    }
  }
  finally {
    await page.close()
    await server.close()
  }
}

describe('with --site-url', () => {
  it('the closing slide shows the URL and a QR code labelled with it', async () => {
    const closing = await slideExtras(withUrl.dist, CLOSING)
    expect(closing.qr).toEqual([
      {
        label: SITE_URL,
        width: expect.any(Number),
      },
    ])
    expect(closing.qr[0].width).toBeGreaterThan(100)
    expect(closing.text).toContain(SITE_URL)
    expect(closing.trouble.map(t => t.what)).toEqual([])
  })

  it('the cover shows the speaker, affiliation, event, date and the QR code', async () => {
    const cover = await slideExtras(withUrl.dist, 1)
    expect(cover.qr.map(q => q.label)).toEqual([SITE_URL])
    for (const field of ['测试讲者', '测试单位', '测试大会', '2026-12-12'])
      expect(cover.text).toContain(field)
  })

  it('link previews are absolute: og:image, og:url and canonical; twitter:card stays large', () => {
    const html = readFileSync(join(withUrl.dist, 'index.html'), 'utf8')
    expect(html).toContain(`<meta property="og:image" content="${SITE_URL}og-image.png">`)
    expect(html).toContain(`<meta property="og:url" content="${SITE_URL}">`)
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}">`)
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">')
  })

  it('the handout cover carries the URL', () => {
    expect(pdfText(join(withUrl.exports, 'handout.pdf'), 1)).toContain(SITE_URL)
  })
})

describe('without a site URL', () => {
  it('no QR code, no URL, no broken image and no empty box on the closing slide or the cover', async () => {
    for (const no of [1, CLOSING]) {
      const extras = await slideExtras(without.dist, no)
      expect(extras.qr).toEqual([])
      expect(extras.brokenImages).toBe(0)
      expect(extras.siteBoxes).toBe(0)
      expect(extras.text).not.toContain('http')
      expect(extras.trouble.map(t => t.what)).toEqual([])
    }
  })

  it('link previews name the image under the base path and claim no canonical URL', () => {
    const html = readFileSync(join(without.dist, 'index.html'), 'utf8')
    expect(html).toContain(`<meta property="og:image" content="${BASE}og-image.png">`)
    expect(html).not.toContain('og:url')
    expect(html).not.toContain('canonical')
  })
})

describe('attendee and speaker handouts of a deck with stage directions', () => {
  const attendee = () => pdfText(join(without.exports, 'handout.pdf')).replace(/\s+/g, '')
  const speaker = () => pdfText(join(without.exports, 'handout-speaker.pdf')).replace(/\s+/g, '')

  it('the attendee handout has the narration and no stage direction or click marker', () => {
    expect(attendee()).toContain('这一页的叙述，听众也读得到。')
    expect(attendee()).toContain('点击之后的叙述，同样给听众。')
    expect(attendee()).not.toContain('拖一下滑块')
    expect(attendee()).not.toContain('问答时跳回第二页')
    expect(attendee()).not.toContain('【提示】')
    expect(attendee()).not.toContain('[click]')
  })

  it('the speaker handout has both, the click cues marked', () => {
    expect(speaker()).toContain('这一页的叙述，听众也读得到。')
    expect(speaker()).toContain('【提示】这里停一下，拖一下滑块，只有讲者看得到。')
    expect(speaker()).toContain('【提示】问答时跳回第二页。')
    expect(speaker()).toContain('[点击]点击之后的叙述')
  })

  it('both are tagged, zh-CN, titled, with bookmarks by chapter', async () => {
    for (const name of ['handout.pdf', 'handout-speaker.pdf']) {
      const file = join(without.exports, name)
      expect(pdfInfo(file).Tagged).toBe('yes')
      expect(pdfInfo(file).Title).toMatch(/^听众材料测试 — /)
      expect(await pdfLanguage(file)).toBe('zh-CN')
      // The fixture has no data/references.ts of its own, so its handout has no reference pages.
      expect((await pdfOutline(file)).map(b => b.title)).toEqual(['封面与目录', '1. 听众材料测试', '第一章', '谢谢！'])
    }
  })

  it('only the slides and the attendee handout go into the site', () => {
    const pdfs = readdirSync(without.dist).filter(f => f.endsWith('.pdf')).sort()
    expect(pdfs).toEqual(['handout.pdf', 'slides.pdf'])
  })
})

describe('the attendee handout of the deck reads on paper', () => {
  it('citations on the slides and the notes print at 7 pt or more (two slides a page)', async () => {
    const deck = await readDeck()
    const server = await serveStatic(site.dir, { base: site.base })
    const print = await openPrintPage({ browser, siteUrl: server.url, deck })
    try {
      await renderHandout({ page: print.page, deck })
      // Printed size: CSS px × the slide's scale in its box, at 0.75 pt a CSS px.
      const sizes = await print.page.evaluate(() => ({
        cites: Array.from(document.querySelectorAll<HTMLElement>('#deck-handout .cite'), (cite) => {
          const scale = Number((cite.closest('.slide-box') as HTMLElement).style.getPropertyValue('--handout-scale'))
          return Number.parseFloat(getComputedStyle(cite).fontSize) * scale * 0.75
        }),
        // Slide images in mm (96 CSS px to the inch).
        boxes: Array.from(document.querySelectorAll<HTMLElement>('#deck-handout .layout-2 .slide-box'), box => box.getBoundingClientRect().width * 25.4 / 96),
        notes: Array.from(document.querySelectorAll<HTMLElement>('#deck-handout .notes p'), p => ({
          pt: Number.parseFloat(getComputedStyle(p).fontSize) * 0.75,
          html: p.outerHTML.slice(0, 120),
        })),
      }))
      expect(sizes.cites.length).toBeGreaterThan(0)
      expect(Math.min(...sizes.cites)).toBeGreaterThanOrEqual(7)
      const smallest = sizes.notes.reduce((a, b) => b.pt < a.pt
        ? b
        : a)
      // 7 pt is 9.333 px, which the browser keeps to 1/64 px: 6.9999975 pt is 7 pt.
      expect(smallest.pt, smallest.html).toBeGreaterThanOrEqual(6.99)
      // The slides take the page's full text width (182 mm) where the notes leave room, and narrow to no
      // less than 155 mm where they do not.
      const widths = sizes.boxes.map(w => w.toFixed(0)).join(' ')
      expect(Math.min(...sizes.boxes), widths).toBeGreaterThanOrEqual(154.9)
      expect(Math.max(...sizes.boxes), widths).toBeGreaterThan(181.9)
      expect(sizes.boxes.reduce((a, b) => a + b) / sizes.boxes.length, widths).toBeGreaterThanOrEqual(MEAN_SLIDE_MM)
    }
    finally {
      await print.close()
      await server.close()
    }
  })
})

describe('npm run export -- --layout 2', () => {
  it('writes only its own file, and refreshes the copy the site links to', () => {
    const out = join(scratch, 'layout-2')
    const site = join(scratch, 'layout-2-site')
    mkdirSync(out, { recursive: true })
    mkdirSync(site, { recursive: true })
    for (const name of [
      'slides.pdf',
      'handout-1up.pdf',
      'handout-6up.pdf',
      'handout-speaker.pdf',
      'handout.pdf',
    ])
      writeFileSync(join(out, name), 'earlier')
    writeFileSync(join(site, 'index.html'), '<!doctype html>')
    writeFileSync(join(site, 'handout.pdf'), 'earlier')
    writeFileSync(join(site, 'slides.pdf'), 'earlier')
    execFileSync(process.execPath, [
      'packages/slidev-addon-lectern/bin/lectern.js',
      'export',
      '--entry',
      FIXTURE,
      '--layout',
      '2',
      '--out',
      out,
      '--site',
      site,
    ], { stdio: 'pipe' })
    const changed = readdirSync(out).filter(f => readFileSync(join(out, f), 'utf8').slice(0, 5) === '%PDF-')
    expect(changed).toEqual(['handout.pdf'])
    expect(readFileSync(join(site, 'handout.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    expect(readFileSync(join(site, 'slides.pdf'), 'utf8')).toBe('earlier')
    expect(statSync(join(out, 'handout.pdf')).size).toBeGreaterThan(10_000)
  })
})

describe('the reading view of the deck (read/) on a phone', () => {
  let session: Session
  beforeAll(async () => {
    session = await openSite()
  })
  afterAll(() => session?.close())

  for (const javaScript of [true, false]) {
    for (const path of ['read', 'read/']) {
      it(`/${path} at 412×915, JavaScript ${javaScript ? 'on' : 'off'}: no sideways scrolling, text ≥ 16 px, every slide title`, async () => {
        const deck = await readDeck()
        const context = await session.browser.newContext({
          viewport: { width: 412, height: 915 },
          isMobile: true,
          hasTouch: true,
          javaScriptEnabled: javaScript,
        })
        const page = await context.newPage()
        const trouble = await watchPage(page)
        await page.goto(`${session.server.url}${path}`, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready)
        const view = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          smallest: Math.min(...Array.from(document.querySelectorAll('main p, main li, main figcaption, header p, header li'))
            .filter(el => el.textContent?.trim())
            .map(el => Number.parseFloat(getComputedStyle(el).fontSize))),
          titles: Array.from(document.querySelectorAll('main h3'), h => h.textContent?.replace(/\s+/g, '') ?? ''),
          images: Array.from(document.querySelectorAll('main figure img'), img => ({
            alt: img.getAttribute('alt') ?? '',
            lazy: img.getAttribute('loading'),
          })),
          fonts: Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family),
        }))
        expect(view.overflow).toBe(0)
        expect(view.smallest).toBeGreaterThanOrEqual(16)
        expect(view.titles).toEqual(deck.slides.map(s => `${s.no}.${s.title.replace(/\s+/g, '')}`))
        expect(view.images).toHaveLength(deck.slides.length)
        expect(view.images.every(i => i.lazy === 'lazy' && i.alt.length > 10)).toBe(true)
        expect(view.fonts).toContain('Deck Sans')
        expect(trouble.map(t => t.what)).toEqual([])
        await context.close()
      })
    }
  }

  it('leaves stage directions out of the narration; Deck Sans covers every character it shows', () => {
    const html = readFileSync(join(site.dir, 'read/index.html'), 'utf8')
    expect(html).not.toContain('【提示】')
    expect(html).not.toMatch(/\[click/)
    expect(uncoveredCharacters(siteFontFaces(site.dir, site.base), visibleText(html))).toEqual([])
  })

  it('the play view offers it on a phone held upright, not on a wide screen', async () => {
    const context = await session.browser.newContext({
      viewport: { width: 412, height: 915 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await page.goto(`${session.server.url}1`, { waitUntil: 'networkidle' })
    const banner = page.locator('a.deck-read-banner')
    await expect.poll(() => banner.isVisible()).toBe(true)
    expect(await banner.getAttribute('href')).toMatch(/\/read\/$/)
    await page.setViewportSize({ width: 1280, height: 720 })
    await expect.poll(() => banner.isVisible()).toBe(false)
    await context.close()
  })
})
