/**
 * Presenting live (issue #14), in Chromium, on the dev server the speaker runs (`npm run dev`) and on
 * the built site: models that follow the presenter, a clicker that always works, the black screen,
 * the pacing panel, notes that follow the clicks and fit their pane.
 */
import type { ChildProcess } from 'node:child_process'
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { Deck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import type { Session } from './browser.ts'
import { spawn } from 'node:child_process'
import { mkdirSync, openSync } from 'node:fs'
import { timedSections } from 'slidev-addon-lectern/client/pacing.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { openSite } from './browser.ts'

const PORT = 3300 + (process.pid % 500)
// A change shows on the other screen in 0.1–0.6 s on the project's machine; the margin is for a busy one.
const SYNC = { timeout: 3000 }
const SOON = { timeout: 10_000 }
const DEV = `http://localhost:${PORT}/`
const SHOTS = 'screenshots/presenting'

// read at collection time: which tests apply depends on the deck
const deck: Deck = await readDeck()
const clickNotes = deck.slides.find(s => /^\[click\]/m.test(s.notes))
let server: ChildProcess | undefined
let browser: Browser

/** How many scripted demo steps (`:steps="[{ … }, …]"`) the live model on slide `no` has. */
function demoSteps(no: number): number {
  const steps = /:steps="\[(.*?)\]"/.exec(deck.slides.find(s => s.no === no)?.content ?? '')?.[1]
  return steps
    ? (steps.match(/\{/g) ?? []).length
    : 0
}

function slideOf(component: string): number {
  const slide = deck.slides.find(s => s.content.includes(`<${component}`))
  if (!slide)
    throw new Error(`<${component} /> is on no slide`)
  return slide.no
}

async function startDevServer() {
  // stdin stays open: Slidev's dev server reads its shortcuts (r, o, q …) there and quits when it closes.
  const log = openSync(`${SHOTS}/dev-server.log`, 'w')
  server = spawn('node_modules/.bin/slidev', [
    '--port',
    String(PORT),
    '--open=false',
  ], {
    stdio: ['pipe', log, log],
    detached: true,
  })
  const until = Date.now() + 120_000
  while (Date.now() < until) {
    if (await fetch(DEV).then(r => r.ok, () => false))
      return
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  throw new Error(`the dev server did not answer on ${DEV} within 2 minutes`)
}

/** The presenter view (at click `clicks`) and the audience view of one slide, side by side in one browser, as on a laptop with a projector. */
async function presenterAndAudience(context: BrowserContext, base: string, no: number, clicks = 0): Promise<[Page, Page]> {
  context.setDefaultTimeout(60_000)
  const presenter = await context.newPage()
  await presenter.goto(`${base}presenter/${no}${clicks
    ? `?clicks=${clicks}`
    : ''}`)
  await presenter.locator(`.slidev-page-${no}`).first().waitFor()
  const audience = await context.newPage()
  await audience.goto(`${base}${no}`)
  await audience.locator(`.slidev-page-${no}`).first().waitFor()
  return [presenter, audience]
}

// On the slide itself: Slidev keeps neighbouring slides mounted (hidden), the presenter shows the next one too.
const onSlide = (page: Page, no: number, selector: string) => page.locator(`.slidev-page-${no} ${selector}`).first()
const lambda = (page: Page) => page.locator('[data-testid="migration-lambda"]:visible').first()
const dirtyRate = (page: Page) => page.locator('input[aria-label="脏页率"]:visible').first()

/** Page errors and console errors (the dev server's own requests are on the machine, under another name). */
function recordErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', error => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error')
      errors.push(`console error: ${message.text()}`)
  })
  return errors
}
const pageNo = (page: Page) => Number(new URL(page.url()).pathname.match(/(\d+)\/?$/)?.[1])

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  await startDevServer()
  browser = await launchChromium()
  // Vite compiles the deck on the first visit (a minute on a busy machine): once, before the clocks start.
  const page = await browser.newPage()
  await page.goto(`${DEV}presenter/${slideOf('LiveMigration')}`, { timeout: 300_000 })
  await page.locator('.slidev-presenter [data-pacing]').waitFor({ timeout: 300_000 })
  await page.close()
}, 600_000)
afterAll(async () => {
  await browser?.close()
  if (server?.pid && server.exitCode === null)
    process.kill(-server.pid)
})

describe('presenting on the dev server', () => {
  // Retried once: two fresh tabs on one dev server race Slidev's own start-up (a retry is reported by Vitest).
  it('a slider moved in the presenter view moves the same model on the projector, and back, within a second', { retry: 1 }, async () => {
    const no = slideOf('LiveMigration')
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const [presenter, audience] = await presenterAndAudience(context, DEV, no)
    await onSlide(presenter, no, '[data-testid="model-reset"]').click()
    // The first exchange warms the connection up, and outlasts the audience tab's own entry into the
    // slide (its reset on entering could otherwise land after a change made in the same instant).
    const warmUntil = Date.now() + 20_000
    for (;;) {
      await dirtyRate(presenter).fill('50')
      try {
        await expect.poll(() => lambda(audience).textContent(), SYNC).toContain('0.40')
        break
      }
      catch (error) {
        if (Date.now() > warmUntil)
          throw error
      }
    }

    await dirtyRate(presenter).fill('125')
    await expect.poll(() => lambda(audience).textContent(), SYNC).toContain('1.00')
    await dirtyRate(audience).fill('100')
    await expect.poll(() => lambda(presenter).textContent(), SYNC).toContain('0.80')
    // the reset button brings both back to the worked example
    await onSlide(presenter, no, '[data-testid="model-reset"]').click()
    await expect.poll(() => lambda(audience).textContent(), SYNC).toContain('0.20')
    await context.close()
  })

  it('with a slider or checkbox focused, PageDown advances, arrows adjust a slider reached by Tab, Esc releases the focus', { retry: 1 }, async () => {
    const no = slideOf('LiveMigration')
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    // The slide's scripted demo steps are clicks of its own: start after the last, so PageDown leaves the slide.
    // The presenter alone: an audience tab opened after it would send its own position (click 0) back.
    context.setDefaultTimeout(60_000)
    const presenter = await context.newPage()
    await presenter.goto(`${DEV}presenter/${no}?clicks=${demoSteps(no)}`)
    await presenter.locator(`.slidev-page-${no}`).first().waitFor()
    const errors = recordErrors(presenter)
    const slider = dirtyRate(presenter)
    await slider.focus()
    const before = Number(await slider.inputValue())
    await presenter.keyboard.press('ArrowRight')
    expect(Number(await slider.inputValue())).toBe(before + 5)
    expect(pageNo(presenter)).toBe(no)

    await presenter.keyboard.press('PageDown')
    await expect.poll(() => pageNo(presenter), SOON).toBe(no + 1)
    expect(await presenter.evaluate(() => document.activeElement === document.body)).toBe(true)
    await presenter.keyboard.press('PageUp')
    await expect.poll(() => pageNo(presenter), SOON).toBe(no)
    // entered afresh, the model is back on its defaults (the slider had moved 25 → 30 MB/s)
    await expect.poll(() => lambda(presenter).textContent(), SOON).toContain('0.20')

    // a checkbox ticked with the mouse gives the focus back: → advances at once
    await presenter.waitForTimeout(1500) // the slide's fade-in
    await onSlide(presenter, no, '.lm-auto input:visible').click()
    await expect.poll(() => presenter.evaluate(() => document.activeElement === document.body), SOON).toBe(true)
    await presenter.keyboard.press('ArrowRight')
    await expect.poll(() => pageNo(presenter), SOON).toBe(no + 1)
    await presenter.keyboard.press('ArrowLeft')
    await expect.poll(() => pageNo(presenter), SOON).toBe(no)

    // Esc releases a control reached by keyboard
    await onSlide(presenter, no, '.lm-auto input:visible').focus()
    await presenter.keyboard.press('Escape')
    expect(await presenter.evaluate(() => document.activeElement === document.body)).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  it('b blanks the projector from the presenter view and brings it back; W from the audience view', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const [presenter, audience] = await presenterAndAudience(context, DEV, 2)
    await presenter.keyboard.press('b')
    await audience.locator('[data-blank="black"]').waitFor(SOON)
    await presenter.locator('[data-blank-veil]').waitFor()
    await presenter.keyboard.press('b')
    await audience.locator('[data-blank]').waitFor({ state: 'detached', ...SOON })

    await audience.keyboard.press('w')
    await audience.locator('[data-blank="white"]').waitFor(SOON)
    await presenter.locator('[data-blank-veil]').waitFor(SOON)
    await audience.keyboard.press('w')
    await presenter.locator('[data-blank-veil]').waitFor({ state: 'detached', ...SOON })
    await context.close()
  })

  it('the pacing panel starts with the first advance and tells ahead and behind, in words and colour', async () => {
    const sections = timedSections(deck.slides.map(s => ({ no: s.no, title: s.title, minutes: s.frontmatter.minutes })))
    expect(sections.length).toBeGreaterThan(0)
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const presenter = await context.newPage()
    await presenter.clock.install()
    await presenter.goto(`${DEV}presenter/1`)
    const panel = presenter.locator('[data-pacing]')
    await panel.getByRole('button', { name: '计时归零' }).click()
    await expect.poll(() => panel.getAttribute('data-pacing'), SOON).toBe('stopped')

    await presenter.keyboard.press('ArrowRight')
    await expect.poll(() => panel.getAttribute('data-pacing'), SOON).toBe('on-time')
    expect(Number(await panel.getAttribute('data-planned-s'))).toBe(sections[0].plannedS)

    if (sections.length > 1) {
      // reaching the next section at once is ahead of plan
      await presenter.evaluate(no => (window as unknown as { __slidev__: { nav: { go: (n: number) => void } } }).__slidev__.nav.go(no), sections[1].startSlide)
      await expect.poll(() => panel.getAttribute('data-pacing'), SOON).toBe('ahead')
      expect(await presenter.getByTestId('pacing-verdict').textContent()).toMatch(/提前 \d+:\d\d/)
      expect(Number(await panel.getAttribute('data-planned-s'))).toBe(sections[1].plannedS)
    }
    // staying past the section's budget is behind
    await presenter.clock.fastForward((sections.at(-1)!.plannedStartS + sections.at(-1)!.plannedS + 90) * 1000)
    await expect.poll(() => panel.getAttribute('data-pacing'), SOON).toBe('behind')
    expect(await presenter.getByTestId('pacing-verdict').textContent()).toMatch(/落后 \d+:\d\d/)
    // mid-talk, on the migration model: what the speaker sees, light and dark (looked at for issue #14)
    await presenter.evaluate(no => (window as unknown as { __slidev__: { nav: { go: (n: number) => void } } }).__slidev__.nav.go(no), slideOf('LiveMigration'))
    await onSlide(presenter, slideOf('LiveMigration'), '.lm').waitFor()
    await presenter.waitForTimeout(1500) // the fade between slides
    await presenter.screenshot({ path: `${SHOTS}/presenter-mid-talk-light.png` })
    await presenter.keyboard.press('d')
    await expect.poll(() => presenter.evaluate(() => document.documentElement.classList.contains('dark')), SOON).toBe(true)
    await presenter.screenshot({ path: `${SHOTS}/presenter-mid-talk-dark.png` })
    await presenter.keyboard.press('d')

    // a pause holds the clock still
    await panel.getByRole('button', { name: '暂停计时' }).click()
    const held = await presenter.getByTestId('pacing-talk').textContent()
    await presenter.clock.fastForward(60_000)
    expect(await presenter.getByTestId('pacing-talk').textContent()).toBe(held)
    await panel.getByRole('button', { name: '计时归零' }).click()
    await context.close()
  })

  it('notes of 500 reading units and a stage direction fit the notes pane at 1440×900', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const presenter = await context.newPage()
    await presenter.goto(`${DEV}presenter/2`)
    const notes = presenter.locator('.slidev-presenter .slidev-note').first()
    await notes.waitFor()
    const sentence = '把预拷贝抽象成一个模型，内存 M、带宽 B、脏页率 D，记 λ 等于 D 除以 B，第 i 轮要发的数据是 M 乘 λ 的 i 次方。'.repeat(5)
    const fit = await notes.evaluate((el, text) => {
      el.innerHTML = `${[0, 1, 2, 3, 4].map(() => `<p>${text.slice(0, 120)}</p>`).join('')}<p>【提示】${text.slice(0, 50)}</p>`
      return { scroll: el.scrollHeight, client: el.clientHeight }
    }, sentence)
    expect(fit.scroll).toBeLessThanOrEqual(fit.client + 1)
    await context.close()
  })

  // Skipped while no slide's notes have [click] markers (the content issue adds them).
  it.skipIf(!clickNotes)('the notes highlight the part for the current click', async () => {
    const slide = clickNotes!
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const presenter = await context.newPage()
    await presenter.goto(`${DEV}presenter/${slide.no}`)
    const notes = presenter.locator('.slidev-presenter .slidev-note-with-clicks').first()
    await notes.waitFor()
    await expect.poll(() => notes.locator('.slidev-note-click-mark-active').count(), SOON).toBe(0)
    await presenter.keyboard.press('ArrowRight')
    await expect.poll(() => notes.locator('.slidev-note-click-mark-active').getAttribute('data-clicks'), SOON).toBe('1')
    await presenter.screenshot({ path: `${SHOTS}/presenter-click-light.png` })
    await presenter.emulateMedia({ colorScheme: 'dark' })
    await presenter.evaluate(() => document.documentElement.classList.add('dark'))
    await presenter.screenshot({ path: `${SHOTS}/presenter-click-dark.png` })
    await context.close()
  })
})

describe('presenting from the built site', () => {
  let site: Session
  beforeAll(async () => {
    site = await openSite()
  })
  afterAll(() => site?.close())

  it('models follow between the presenter and audience tabs of one browser (Slidev\'s BroadcastChannel)', async () => {
    const no = slideOf('LiveMigration')
    const context = await site.browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const [presenter, audience] = await presenterAndAudience(context, site.server.url, no)
    await dirtyRate(presenter).fill('125')
    await expect.poll(() => lambda(audience).textContent(), SYNC).toContain('1.00')
    // B works with the slider still focused (a clicker's blank button)
    await presenter.keyboard.press('b')
    await audience.locator('[data-blank="black"]').waitFor(SOON)
    await presenter.keyboard.press('b')
    await context.close()
  })
})
