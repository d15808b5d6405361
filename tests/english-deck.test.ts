import type { AddressInfo } from 'node:net'
/**
 * The kit on a deck that is not this talk: tests/fixtures/english-deck, in English (no `lang`), with
 * Iconify icons, a code block, HTML in its notes, Markdown in `info:`, a `$\LaTeX$` title, section
 * dividers, no references, and its theme's web fonts linked from another origin (served here on
 * loopback, another port: nothing reaches the network).
 */
import type { Browser } from 'playwright-chromium'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { serveStatic } from '../packages/slidev-addon-lectern/node/core/serve.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { buildSite } from '../packages/slidev-addon-lectern/node/make/build.ts'
import { printHandout } from '../packages/slidev-addon-lectern/node/make/print/handout.ts'
import { openPrintPage } from '../packages/slidev-addon-lectern/node/make/print/slides-pdf.ts'
import { formatGateProblem, runGate } from '../packages/slidev-addon-lectern/node/verify/gate/gate.ts'
import { SLIDEV } from '../packages/slidev-addon-lectern/shared/slidev-internals.ts'
import { pdfInfo, pdfOutline, pdfText } from './pdf.ts'

const entry = 'tests/fixtures/english-deck/slides.md'
/** The port the fixture's index.html links its theme stylesheet from. */
const THEME_PORT = 47219
const font = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans/package.json')), 'files/noto-sans-latin-400-normal.woff2')

let temp: string
let theme: http.Server
let browser: Browser
const site = () => join(temp, 'site')
const exported = (name: string) => join(temp, 'exports', name)

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'deck-english-'))
  // A font provider's stylesheet: readable by CORS for fonts, yet its rules are hidden from the page (no
  // `crossorigin` on the link), so reading them throws a SecurityError.
  theme = http.createServer((req, res) => {
    if (req.url === '/theme.css') {
      res.writeHead(200, { 'content-type': 'text/css', 'access-control-allow-origin': '*' })
      res.end(`@font-face { font-family: 'Theme Sans'; src: url('/theme.woff2') format('woff2') }\n.slidev-layout h1 { font-family: 'Theme Sans', sans-serif }\n`)
    }
    else if (req.url === '/theme.woff2') {
      res.writeHead(200, { 'content-type': 'font/woff2', 'access-control-allow-origin': '*' })
      res.end(readFileSync(font))
    }
    else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve, reject) => theme.once('error', reject).listen(THEME_PORT, '127.0.0.1', resolve))
  expect((theme.address() as AddressInfo).port).toBe(THEME_PORT)
  browser = await launchChromium()
  await buildSite({
    entry,
    out: site(),
    exportsDir: join(temp, 'exports'),
  })
}, 900_000)

afterAll(async () => {
  await browser?.close()
  await new Promise(resolve => theme?.close(resolve))
  rmSync(temp, { recursive: true, force: true })
})

describe('an English deck whose theme links a stylesheet from another origin', () => {
  it('builds (the prerender skips the rules it may not read) and every slide page links the theme', () => {
    expect(readFileSync(join(site(), '3.html'), 'utf8')).toContain(`http://127.0.0.1:${THEME_PORT}/theme.css`)
  })

  it('speaks English in the presenter view: the pacing panel, its report, the blank-screen button', async () => {
    const server = await serveStatic(site())
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    })
    try {
      await page.goto(`${server.url}presenter/1`)
      const panel = page.locator('[data-pacing]')
      await panel.waitFor({ timeout: 60_000 })
      await panel.getByRole('button', { name: 'Reset the timer' }).waitFor()
      await panel.getByRole('button', { name: 'Start the timer' }).waitFor()
      expect(await page.getByTestId('blank-button').textContent()).toContain('Blank')
      await panel.getByRole('button', { name: 'Report' }).click()
      expect(await page.getByTestId('pacing-report-text').inputValue()).toContain('| Section | Planned | Actual | Over | Planned start | Reached |')
      const text = await panel.textContent()
      for (const word of [
        'Section',
        'Talk',
        'Left',
        'Not timed',
        'Close',
      ])
        expect(text).toContain(word)
      expect(text).not.toMatch(/[\u4E00-\u9FFF]/)
      // a deck without the talk's colour tokens gets the kit's defaults: the panel's buttons have their borders
      expect(await panel.getByRole('button', { name: 'Reset the timer' }).evaluate(el => getComputedStyle(el).borderTopColor)).toBe('rgb(209, 213, 219)')
    }
    finally {
      await page.close()
      await server.close()
    }
  })

  it('has an English handout: chrome, rendered notes and info, plain Subject, bookmarks without TeX', async () => {
    const text = pdfText(exported('handout.pdf'))
    expect(text).toContain('Handout')
    expect(text).toMatch(/Page 1 of \d+/)
    expect(text).toContain('Contents')
    expect(text).not.toMatch(/[\u4E00-\u9FFF]/)
    // HTML in the notes is drawn, not printed as tags; the info's Markdown too.
    expect(text).toContain('Welcome to a deck in English.')
    expect(text).not.toContain('<b>')
    expect(text).toContain('Learn more at Sli.dev.')
    expect(text).not.toMatch(/##|\]\(/)
    expect(pdfInfo(exported('handout.pdf')).Subject).toBe('An English deck. A small talk made for the kit\'s tests. Learn more at Sli.dev.')
    // Chapters are the deck's own section dividers; the cover before them is no chapter.
    expect((await pdfOutline(exported('handout.pdf'))).map(b => b.title)).toEqual([
      'Cover and contents',
      '1. An English deck',
      'Basics',
      'Details',
    ])
    const slides = await pdfOutline(exported('slides.pdf'))
    expect(slides.flatMap(b => [
      b.title,
      ...b.children.map(c => c.title),
    ])).toEqual([
      '1. An English deck',
      'Basics',
      '2. Basics',
      '3. Typesetting with LaTeX',
      '4. Some code',
      '5. Motion',
      'Details',
      '6. Details',
      '7. Thanks',
    ])
  })

  it('has an English reading view with the deck\'s own chapters, its notes\' HTML, and no references', () => {
    const html = readFileSync(join(site(), 'read/index.html'), 'utf8')
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('Reading view')
    expect(html).not.toMatch(/[\u4E00-\u9FFF]/)
    expect([
      ...html.matchAll(/<h2 id="c\d+-h">([^<]*)<\/h2>/g),
    ].map(m => m[1])).toEqual(['Basics', 'Details'])
    expect(html).toContain('Welcome to a deck in <b>English</b>.')
    expect(html).toContain('<a href="https://sli.dev">Sli.dev</a>')
    expect(html).not.toContain('class="refs"')
  })

  it('passes the browser gate, measuring the v-motion box where it stops, not where it starts', async () => {
    const gate = await runGate({
      siteDir: site(),
      entry,
      screenshots: false,
      browser,
      modes: ['light'],
    })
    expect(gate.slides).toBe(7)
    // Stock Slidev's grey paragraph after a heading and its code colours fail axe's contrast check (as in
    // tests/any-deck.test.ts); nothing else may — no overflow of the box v-motion slides in from x = -1500.
    expect(gate.problems.filter(p => !p.what.startsWith('axe serious color-contrast: ')).map(formatGateProblem)).toEqual([])
  })

  it('draws each slide in the handout exactly as on the print page the slides PDF comes from', async () => {
    const deck = await readDeck(entry)
    const server = await serveStatic(site())
    const print = await openPrintPage({ browser, siteUrl: server.url, deck })
    try {
      await print.page.emulateMedia({ media: 'print' })
      // Every element of every slide: its font and its layout box (offset sizes ignore the handout's scale).
      const measure = () => print.page.evaluate(selector => Array.from(document.querySelectorAll<HTMLElement>(selector), slide =>
        Array.from(slide.querySelectorAll<HTMLElement>('*'), (el) => {
          const style = getComputedStyle(el)
          return `${el.tagName} ${style.fontFamily} ${style.fontSize} ${style.fontWeight} ${style.lineHeight} ${style.letterSpacing} ${style.wordBreak} ${el.offsetWidth}×${el.offsetHeight}`
        })), SLIDEV.printSlide)
      const before = await measure()
      expect(before.flat().length).toBeGreaterThan(20)
      await printHandout({ page: print.page, deck })
      const after = await print.page.evaluate(() => document.querySelectorAll('#deck-handout .slide-box').length)
      expect(after).toBe(deck.slides.length)
      expect(await measure()).toEqual(before)
    }
    finally {
      await print.close()
      await server.close()
    }
  })
})
