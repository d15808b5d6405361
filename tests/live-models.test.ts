import type { Locator, Page } from 'playwright-chromium'
import type { Deck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import type { Session } from './browser.ts'
import { readdirSync } from 'node:fs'
import { slideSelector } from 'slidev-addon-lectern/shared/slidev-internals.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchPage } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { openSite } from './browser.ts'

let session: Session
let deck: Deck

beforeAll(async () => {
  session = await openSite()
  deck = await readDeck()
})
afterAll(() => session?.close())

// Components that only draw (citations, the reference list, the static diagram frame, the agenda) or serve the
// presenter (the pacing panel, the models' reset button) are not live models.
const LIVE_MODELS = readdirSync('components')
  .filter(f => f.endsWith('.vue') && ![
    'Agenda.vue',
    'Cite.vue',
    'Diagram.vue',
    'ModelReset.vue',
    'PacingPanel.vue',
    'References.vue',
  ].includes(f))
  .map(f => f.replace('.vue', ''))

function slideOf(component: string): number {
  const slide = deck.slides.find(s => s.content.includes(`<${component}`))
  if (!slide)
    throw new Error(`<${component} /> is on no slide`)
  return slide.no
}

/** What a reader sees of a model and the state of its controls (attribute order in the DOM is not state). */
function modelState(slide: Locator) {
  return slide.evaluate(el => ({
    text: el.textContent,
    controls: [
      ...el.querySelectorAll('input, button'),
    ].map(c => c instanceof HTMLInputElement
      ? `${c.type}:${c.value}:${c.checked}`
      : `${c.textContent?.trim()}:${c.getAttribute('aria-pressed')}`),
  }))
}

/** Slide `no` at click `clicks` (all of them by default). */
async function open(page: Page, no: number, clicks = 99) {
  await page.goto(`${session.server.url}${no}?clicks=${clicks}`, { waitUntil: 'networkidle' })
  await page.locator(slideSelector(no)).waitFor()
}

describe('live models in the built site', () => {
  it('every live model is on a slide of the talk', () => {
    expect(LIVE_MODELS.length).toBeGreaterThanOrEqual(5)
    for (const name of LIVE_MODELS)
      expect(slideOf(name)).toBeGreaterThan(1)
  })

  it('the migration model answers the dirty-rate slider, driven by keyboard, without leaving the slide', async () => {
    const no = slideOf('LiveMigration')
    const page = await session.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    const trouble = await watchPage(page)
    // Click 0: before the slide's scripted demo steps change the working set and the downtime limit.
    await open(page, no, 0)
    const downtime = page.getByTestId('migration-downtime')
    // The worked example (1 GiB, 125 MB/s, 25 MB/s): ≈ 69 ms.
    expect(await downtime.textContent()).toMatch(/^\s*69\s*ms\s*$/)
    const slider = page.getByLabel('脏页率')
    await slider.focus()
    for (let i = 0; i < 10; i++)
      await slider.press('ArrowRight')
    expect(await slider.inputValue()).toBe('75')
    expect(await downtime.textContent()).not.toMatch(/^\s*69\s*ms\s*$/)
    expect(page.url()).toContain(`/${no}`)
    expect(trouble).toEqual([])
    await page.close()
  })

  it('the migration slide\'s clicks run its demo: the 64 MiB working set never converges, a 600 ms limit converges again', async () => {
    const no = slideOf('LiveMigration')
    const page = await session.browser.newPage({
      viewport: { width: 1280, height: 720 },
    })
    const trouble = await watchPage(page)
    await open(page, no, 0)
    const verdict = page.getByTestId('migration-verdict')
    expect(await verdict.textContent()).toContain('收敛')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => verdict.textContent()).toContain('永不收敛')
    expect(await page.getByTestId('migration-note').textContent()).toContain('W > B × 停机上限')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => verdict.textContent()).not.toContain('永不')
    expect(await page.getByLabel('停机时间上限').inputValue()).toBe('600')
    expect(page.url()).toContain(`/${no}`)
    expect(trouble).toEqual([])
    await page.close()
  })

  it('a prerendered page (no JavaScript) shows each slider at the value its label reads', async () => {
    const context = await session.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 720 },
    })
    const page = await context.newPage()
    let sliders = 0
    for (const no of [
      ...new Set(LIVE_MODELS.map(slideOf)),
    ]) {
      await page.goto(`${session.server.url}${no}`)
      const pairs = await page.locator('label:has(input[type="range"])').evaluateAll(labels => labels.map(label => ({
        label: label.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        value: (label.querySelector('input[type="range"]') as HTMLInputElement).value,
        min: (label.querySelector('input[type="range"]') as HTMLInputElement).min,
        max: (label.querySelector('input[type="range"]') as HTMLInputElement).max,
      })))
      for (const { label, value } of pairs) {
        expect(label.match(/\d+(?:\.\d+)?/g) ?? [], `slide ${no}: the slider labelled "${label}" stands at ${value}`).toContain(value)
        sliders++
      }
    }
    expect(sliders, 'no labelled slider on any prerendered page').toBeGreaterThan(0)
    await context.close()
  })

  for (const name of LIVE_MODELS) {
    it(`${name} is operable by keyboard and stays on its slide`, async () => {
      const no = slideOf(name)
      const page = await session.browser.newPage({
        viewport: { width: 1280, height: 720 },
      })
      const trouble = await watchPage(page)
      await open(page, no)
      const slide = page.locator(slideSelector(no))
      const controls = slide.locator('input, button:not([data-testid="model-reset"]), [tabindex="0"]')
      // the app draws the model a moment after the network goes quiet on a busy machine
      await controls.first().waitFor({ state: 'attached', timeout: 30_000 }).catch(() => {})
      expect(await controls.count(), `${name} has no keyboard control`).toBeGreaterThan(0)
      const before = await modelState(slide)
      const url = page.url()
      // Operate the first few controls the way a keyboard user would (packages/slidev-addon-lectern/client/clicker.ts): arrows on a
      // slider, radio or number field reached by Tab; Enter on a checkbox or button — Space is the clicker's.
      for (let i = 0; i < Math.min(3, await controls.count()); i++) {
        const control = controls.nth(i)
        if (!await control.isVisible() || await control.isDisabled())
          continue
        await control.focus()
        const type = await control.getAttribute('type')
        await control.press(['range', 'number', 'radio'].includes(type ?? '')
          ? 'ArrowRight'
          : 'Enter')
      }
      expect(await modelState(slide), `${name} did not react`).not.toEqual(before)
      // The visible reset brings the model back to what the slide showed on entry.
      await slide.getByTestId('model-reset').press('Enter')
      await expect.poll(() => modelState(slide), { message: `${name} did not reset` }).toEqual(before)
      expect(page.url()).toBe(url)
      expect(trouble).toEqual([])
      await page.close()
    })
  }
})
