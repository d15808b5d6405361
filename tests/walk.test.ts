import type { Page } from 'playwright-chromium'
import type { Session } from './browser.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchPage } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { startApp } from '../packages/slidev-addon-lectern/node/make/pages/prerender.ts'
import { navState, openSite } from './browser.ts'

let session: Session
let total: number

beforeAll(async () => {
  session = await openSite()
  total = (await readDeck()).slides.length
})
afterAll(() => session?.close())

/** Where Slidev's navigation is: the slide number and click step (chapter dividers have alias URLs like /memory). */
async function position(page: Page): Promise<string> {
  const nav = await navState(page)
  return `${nav.no}:${nav.clicks}`
}

/** Press → until nothing moves any more; returns the slide numbers seen, in order. */
async function walk(page: Page): Promise<number[]> {
  const seen: number[] = []
  for (let step = 0; step < 2000; step++) {
    const here = await position(page)
    const no = Number(here.split(':')[0])
    if (seen.at(-1) !== no)
      seen.push(no)
    // A transition may swallow a key press: only three presses that change nothing mean the end.
    let moved = false
    for (let attempt = 0; attempt < 3 && !moved; attempt++) {
      await page.keyboard.press('ArrowRight')
      for (let waited = 0; waited < 1000 && !moved; waited += 50) {
        await page.waitForTimeout(50)
        moved = await position(page) !== here
      }
    }
    if (!moved)
      break
  }
  return seen
}

describe('walking the built site in Chromium', () => {
  it('play mode reaches every slide with no console error and no request off the machine', async () => {
    const page = await session.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    const trouble = await watchPage(page)
    await page.goto(`${session.server.url}1`, { waitUntil: 'networkidle' })
    await startApp(page)
    const seen = await walk(page)
    expect(seen.at(-1)).toBe(total)
    expect(new Set(seen).size).toBe(total)
    expect(trouble).toEqual([])
    await page.close()
  })

  it('the presenter view walks the deck too', async () => {
    const page = await session.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    const trouble = await watchPage(page)
    await page.goto(`${session.server.url}presenter/2`, { waitUntil: 'networkidle' })
    const seen = await walk(page)
    expect(seen.at(-1)).toBe(total)
    expect(trouble).toEqual([])
    await page.close()
  })
})
