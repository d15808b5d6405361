import type { Page } from 'playwright-chromium'
import type { Session } from './browser.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDeck } from '../tools/deck.ts'
import { openSite, recordTrouble } from './browser.ts'

let session: Session
let total: number

beforeAll(async () => {
  session = await openSite()
  total = (await readDeck()).slides.length
})
afterAll(() => session?.close())

/** Press → until the URL stops changing; returns the slide numbers seen, in order. */
async function walk(page: Page, pattern: RegExp): Promise<number[]> {
  const seen: number[] = []
  for (let step = 0; step < 2000; step++) {
    const url = page.url()
    const no = Number(url.match(pattern)?.[1] ?? 1)
    if (seen.at(-1) !== no)
      seen.push(no)
    // A transition may swallow a key press: only three presses that change nothing mean the end.
    let moved = false
    for (let attempt = 0; attempt < 3 && !moved; attempt++) {
      await page.keyboard.press('ArrowRight')
      moved = await page.waitForURL(next => next.href !== url, { timeout: 1000 }).then(() => true, () => false)
    }
    if (!moved)
      break
  }
  return seen
}

describe('walking the built site in Chromium', () => {
  it('play mode reaches every slide with no console error and no request off the machine', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 720 } })
    const trouble = recordTrouble(page)
    await page.goto(`${session.server.url}1`, { waitUntil: 'networkidle' })
    const seen = await walk(page, /\/(\d+)(?:\?|$)/)
    expect(seen.at(-1)).toBe(total)
    expect(new Set(seen).size).toBe(total)
    expect(trouble).toEqual([])
    await page.close()
  })

  it('the presenter view walks the deck too', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 720 } })
    const trouble = recordTrouble(page)
    await page.goto(`${session.server.url}presenter/2`, { waitUntil: 'networkidle' })
    const seen = await walk(page, /\/presenter\/(\d+)(?:\?|$)/)
    expect(seen.at(-1)).toBe(total)
    expect(trouble).toEqual([])
    await page.close()
  })
})
