import type { Session } from './browser.ts'
import { Buffer } from 'node:buffer'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { slideSelector } from 'slidev-addon-lectern/shared/slidev-internals.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchPage } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { isStageDirection } from '../packages/slidev-addon-lectern/node/deck/notes.ts'
import { startApp } from '../packages/slidev-addon-lectern/node/make/pages/prerender.ts'
import { openSite, site } from './browser.ts'

let session: Session

beforeAll(async () => {
  session = await openSite()
})
afterAll(() => session?.close())

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [path]
  })
}

describe('the hosted site', () => {
  it('opens a deep slide URL under its sub-path and renders that slide', async () => {
    const deck = await readDeck()
    const target = deck.slides[Math.floor(deck.slides.length / 2)]
    const page = await session.browser.newPage()
    const trouble = await watchPage(page)
    await page.goto(`${session.server.url}${target.no}`, { waitUntil: 'networkidle' })
    const slide = page.locator(slideSelector(target.no))
    await slide.waitFor()
    expect((await slide.textContent() ?? '').replace(/\s+/g, '')).toContain(target.title.replace(/\s+/g, '').slice(0, 6))
    expect(trouble).toEqual([])
    await page.close()
  })

  it('ships no speaker notes in the app, and no stage direction anywhere in dist/', async () => {
    const deck = await readDeck()
    const sentences = deck.slides.map(s => s.notes.split(/[。！？\n]/)[0].trim()).filter(s => s.length >= 8).slice(0, 20)
    expect(sentences.length).toBeGreaterThan(5)
    const directions = deck.slides.flatMap(s => s.notes.split(/\n\s*\n/).filter(isStageDirection))
      .map(p => p.replace(/^\[click(?::\d+)?\]\s*/, '').split(/[。！？\n]/)[0].trim())
    const files = filesUnder(site.dir).filter(f => /\.(?:js|html|json|css|map)$/.test(f))
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      // The reading view publishes the narration on purpose (packages/slidev-addon-lectern/node/make/pages/reading.ts); the app carries none.
      if (!file.startsWith(join(site.dir, 'read'))) {
        for (const sentence of sentences)
          expect(text.includes(sentence), `${sentence} found in ${file}`).toBe(false)
      }
      for (const direction of directions)
        expect(text.includes(direction), `${direction} found in ${file}`).toBe(false)
    }
  })

  it('serves both PDFs for download, linked from the navigation bar', async () => {
    for (const name of ['slides.pdf', 'handout.pdf']) {
      const response = await fetch(`${session.server.url}${name}`)
      expect(response.status).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    }
    const page = await session.browser.newPage()
    await page.goto(`${session.server.url}1`, { waitUntil: 'networkidle' })
    await startApp(page)
    const hrefs = await page.locator('a[href$=".pdf"]').evaluateAll(links => links.map(a => a.getAttribute('href')))
    expect(hrefs).toEqual(expect.arrayContaining([`${site.base}slides.pdf`, `${site.base}handout.pdf`]))
    await page.close()
  })

  it('has zh-CN, a local favicon, social preview tags and a 404 fallback', () => {
    const html = readFileSync(join(site.dir, 'index.html'), 'utf8')
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain(`<link rel="icon" href="${site.base}favicon.svg">`)
    expect(html).toContain('<meta property="og:title" content="虚拟化技术与云基础设施">')
    expect(html).toContain(`<meta property="og:image" content="${site.base}og-image.png">`)
    expect(html).not.toMatch(/content="&quot;/)
    expect(existsSync(join(site.dir, 'og-image.png'))).toBe(true)
    // 404.html is the bare app (any other route); index.html is slide 1's own page.
    const fallback = readFileSync(join(site.dir, '404.html'), 'utf8')
    expect(fallback).toContain('<div id="app"></div>')
    expect(fallback).not.toContain('deck-prerender')
    expect(html).toContain('id="deck-prerender"')
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/)
  })
})
