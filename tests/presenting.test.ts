/**
 * Presenting live (issues #14, #21), in Chromium, on the dev server the speaker runs (`npm run dev`) and on
 * the built site: models that follow the presenter, a clicker that always works, the black screen that any
 * navigation key ends, the pacing panel through jumps and the Q&A (with Playwright's fake clock), a
 * projector that rejoins, dark mode on every screen, notes that follow the clicks and fit their pane.
 * Slides are found by content and by the deck's timed sections, never by number.
 */
import type { ChildProcess } from 'node:child_process'
import type { Browser, BrowserContext, Page } from 'playwright-chromium'
import type { Deck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import type { Session } from './browser.ts'
import { spawn } from 'node:child_process'
import { mkdirSync, openSync, writeFileSync } from 'node:fs'
import { timedSections } from 'slidev-addon-lectern/client/pacing.ts'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { readingMinutes } from '../packages/slidev-addon-lectern/node/deck/notes.ts'
import { navState, openSite } from './browser.ts'

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
  // At the presenter's click: a built site's page without a query starts at the slide's final click.
  const audience = await context.newPage()
  await audience.goto(`${base}${no}?clicks=${clicks}`)
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
/** Where a view is: slide and click, from Slidev's navigation (a URL may carry a `routeAlias` instead of the number). */
const at = (page: Page) => navState(page)
const pageNo = async (page: Page) => (await at(page)).no
const sections = timedSections(deck.slides.map(s => ({
  no: s.no,
  title: s.title,
  minutes: s.frontmatter.minutes,
  layout: s.frontmatter.layout,
})))

/** Slidev's own navigation (the dev server exposes it), as the speaker's `g` + number would. */
async function go(page: Page, no: number) {
  await page.evaluate(n => (window as unknown as { __slidev__: { nav: { go: (n: number) => void } } }).__slidev__.nav.go(n), no)
  await expect.poll(() => pageNo(page), SOON).toBe(no)
}

/** The talk clock the pacing panel shows, in whole seconds. */
async function talkElapsed(page: Page): Promise<number> {
  return Number(await page.locator('[data-pacing]').getAttribute('data-talk-elapsed-s'))
}

/** Moves the fake clock on until the talk clock reads `seconds` (the real time a busy machine takes is counted in). */
async function fastForwardTo(page: Page, seconds: number) {
  const now = await talkElapsed(page)
  if (seconds > now)
    await page.clock.fastForward((seconds - now) * 1000)
  await expect.poll(() => talkElapsed(page), SOON).toBeGreaterThanOrEqual(seconds)
}

function slidesWalked(last: number, clicks: number): string {
  return `走过第 1–${last} 页（到结束页为止）和 ${clicks} 个点击。`
}

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
  // A failed test leaves no page behind: a stale presenter view would go on logging pacing with its own clock.
  afterEach(async () => {
    for (const context of browser.contexts())
      await context.close()
  })

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
    expect(await pageNo(presenter)).toBe(no)

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

  it('pacing follows the talk: a jump ahead and back, then the chapter reached on plan is on time; going back in the Q&A is not behind', async () => {
    const k = Math.max(1, Math.min(sections.length - 2, Math.floor(sections.length / 2)))
    const closing = sections.findIndex(s => s.closing)
    expect(k, 'the deck needs a chapter between the cover and the closing slide').toBeLessThan(closing)
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const presenter = await context.newPage()
    await presenter.clock.install()
    await presenter.goto(`${DEV}presenter/1`)
    const panel = presenter.locator('[data-pacing]')
    const state = () => panel.getAttribute('data-pacing')
    await panel.getByRole('button', { name: '计时归零' }).click()
    await expect.poll(state, SOON).toBe('stopped')
    // The clock starts with the talk, on slide 1: the opening remarks count.
    await panel.getByRole('button', { name: '开始计时' }).click()
    await fastForwardTo(presenter, 40)
    expect(await talkElapsed(presenter)).toBeGreaterThanOrEqual(40)
    expect(await pageNo(presenter)).toBe(1)

    // A jump ahead to chapter k for 5 s is far ahead; back in chapter 1, the section clock goes on from its first visit.
    await go(presenter, sections[k].startSlide)
    await expect.poll(() => panel.getAttribute('data-planned-s'), SOON).toBe(String(sections[k].plannedS))
    await expect.poll(state, SOON).toBe('ahead')
    await onSlide(presenter, sections[k].startSlide, 'h1').waitFor()
    await presenter.locator('.slidev-presenter .slidev-note').first().waitFor()
    await presenter.waitForTimeout(1500) // the fade between slides
    await presenter.screenshot({ path: `${SHOTS}/presenter-after-jump-light.png` })
    await presenter.keyboard.press('d')
    await expect.poll(() => presenter.evaluate(() => document.documentElement.classList.contains('dark')), SOON).toBe(true)
    await presenter.screenshot({ path: `${SHOTS}/presenter-after-jump-dark.png` })
    await presenter.keyboard.press('d')
    await presenter.clock.fastForward(5000)
    await go(presenter, sections[1].startSlide)
    await expect.poll(() => panel.getAttribute('data-planned-s'), SOON).toBe(String(sections[1].plannedS))

    // Reach every section up to chapter k at its planned start: chapter k is on time, its clock holds the 5 s of the jump.
    for (let i = 2; i <= k; i++) {
      await fastForwardTo(presenter, sections[i].plannedStartS)
      await go(presenter, sections[i].startSlide)
    }
    await expect.poll(() => panel.getAttribute('data-planned-s'), SOON).toBe(String(sections[k].plannedS))
    await expect.poll(state, SOON).toBe('on-time')
    const spent = Number(await panel.getAttribute('data-section-elapsed-s'))
    expect(spent).toBeGreaterThanOrEqual(5)
    expect(spent).toBeLessThan(15)
    expect(await presenter.getByTestId('pacing-verdict').textContent()).toContain('准时')

    // The closing slide reached on plan; half a minute later a question sends the speaker back to chapter k: Q&A, not red.
    await fastForwardTo(presenter, sections[closing].plannedStartS)
    await go(presenter, sections[closing].startSlide)
    await presenter.clock.fastForward(30_000)
    await go(presenter, sections[k].startSlide + 1)
    await expect.poll(() => pageNo(presenter), SOON).toBe(sections[k].startSlide + 1)
    await presenter.clock.fastForward(60_000)
    expect(await panel.getAttribute('data-planned-s')).toBe(String(sections[closing].plannedS))
    expect(await state()).not.toBe('behind')
    expect(await presenter.getByTestId('pacing-verdict').getAttribute('class')).not.toContain('behind')
    // the Q&A clock runs on through the visit to chapter k: 30 s on the closing slide, then the minute there
    expect(Number(await panel.getAttribute('data-section-elapsed-s'))).toBeGreaterThanOrEqual(88)
    await presenter.waitForTimeout(1500)
    await presenter.screenshot({ path: `${SHOTS}/presenter-qa-back-light.png` })

    // a pause holds the clock still
    await panel.getByRole('button', { name: '暂停计时' }).click()
    const held = await presenter.getByTestId('pacing-talk').textContent()
    await presenter.clock.fastForward(60_000)
    expect(await presenter.getByTestId('pacing-talk').textContent()).toBe(held)
    await panel.getByRole('button', { name: '计时归零' }).click()
    await context.close()
  })

  it('a rehearsal: every slide and click at the pace of its notes, then the report says which section overran', async () => {
    const closing = sections.findIndex(s => s.closing)
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const presenter = await context.newPage()
    await presenter.clock.install()
    await presenter.goto(`${DEV}presenter/1`)
    const panel = presenter.locator('[data-pacing]')
    await panel.getByRole('button', { name: '计时归零' }).click()
    await panel.getByRole('button', { name: '开始计时' }).click()
    // The speaker says each slide's notes (240 reading units a minute) and spends 20 s on each click. The fake
    // clock is moved to each planned moment (the real seconds a busy machine takes per key are absorbed).
    const last = sections[closing].startSlide
    let target = 0
    let clicks = 0
    let arrived = true
    for (let no = 1; no <= last;) {
      if (arrived)
        target += readingMinutes(deck.slides.find(s => s.no === no)!.notes) * 60
      await fastForwardTo(presenter, Math.round(target))
      if (no === last)
        break
      const before = JSON.stringify(await at(presenter))
      await presenter.keyboard.press('PageDown')
      await expect.poll(async () => JSON.stringify(await at(presenter)), SOON).not.toBe(before)
      const now = await pageNo(presenter)
      arrived = now !== no
      if (!arrived) {
        clicks++
        target += 20
      }
      no = now
    }
    // Three minutes of questions, one of them answered on a slide of the middle chapter.
    target += 120
    await fastForwardTo(presenter, Math.round(target))
    await go(presenter, sections[Math.floor(closing / 2)].startSlide + 1)
    target += 60
    await fastForwardTo(presenter, Math.round(target))
    await panel.getByRole('button', { name: '暂停计时' }).click()
    await presenter.getByRole('button', { name: '报告' }).click()
    const report = await presenter.getByTestId('pacing-report-text').inputValue()
    for (const section of sections)
      expect(report).toContain(`| ${section.title.replace(/\|/g, '\\|')} |`)
    await presenter.screenshot({ path: `${SHOTS}/presenter-report-light.png` })
    writeFileSync(`${SHOTS}/rehearsal-report.md`, `# 排练报告（脚本走查：每页按讲稿朗读时间 240 字/分钟，每个点击 20 秒，问答 3 分钟；Playwright 假时钟）\n\n${slidesWalked(last, clicks)}\n\n${report}\n`)
    await panel.getByRole('button', { name: '计时归零' }).click()
    await context.close()
  })

  it('blank screen like PowerPoint: PageDown brings the slide back where it was; the toolbar button works without a keyboard', async () => {
    const no = slideOf('LiveMigration')
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const [presenter, audience] = await presenterAndAudience(context, DEV, no)
    const where = async () => Promise.all([presenter, audience].map(async (page) => {
      const { no, clicks } = await at(page)
      return `${no}:${clicks}`
    }))
    await expect.poll(where, SOON).toEqual([`${no}:0`, `${no}:0`])
    await presenter.keyboard.press('b')
    await audience.locator('[data-blank="black"]').waitFor(SOON)
    await presenter.keyboard.press('PageDown')
    await audience.locator('[data-blank]').waitFor({ state: 'detached', ...SOON })
    await presenter.waitForTimeout(1000)
    expect(await where()).toEqual([`${no}:0`, `${no}:0`])
    // the same from the projector's keyboard, with → this time
    await audience.keyboard.press('.')
    await presenter.locator('[data-blank-veil]').waitFor(SOON)
    await audience.keyboard.press('ArrowRight')
    await presenter.locator('[data-blank-veil]').waitFor({ state: 'detached', ...SOON })
    await audience.waitForTimeout(1000)
    expect(await where()).toEqual([`${no}:0`, `${no}:0`])
    // the presenter toolbar's button, as on a tablet
    const button = presenter.getByTestId('blank-button')
    await button.click()
    await audience.locator('[data-blank="black"]').waitFor(SOON)
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    await button.click()
    await audience.locator('[data-blank]').waitFor({ state: 'detached', ...SOON })
    expect(await where()).toEqual([`${no}:0`, `${no}:0`])
    await context.close()
  })

  it('a projector that rejoins: a fresh `/` on another device joins the presenter\'s slide and click; dark mode follows across devices', { retry: 1 }, async () => {
    const no = slideOf('LiveMigration')
    const laptop = await browser.newContext({
      viewport: { width: 1440, height: 900 },
    })
    const tablet = await browser.newContext({
      viewport: { width: 1280, height: 800 },
    })
    laptop.setDefaultTimeout(60_000)
    tablet.setDefaultTimeout(60_000)
    const presenter = await tablet.newPage()
    await presenter.goto(`${DEV}presenter/1`)
    await presenter.locator('[data-pacing]').waitFor()
    await go(presenter, no)
    // the model counts its scripted steps as the slide's clicks once it has mounted
    await onSlide(presenter, no, '[data-testid="model-reset"]').waitFor()
    await presenter.keyboard.press('ArrowRight')
    await expect.poll(async () => (await at(presenter)).clicks, SOON).toBe(1)
    const projector = await laptop.newPage()
    await projector.goto(DEV)
    await expect.poll(() => pageNo(projector), SOON).toBe(no)
    await expect.poll(async () => (await at(projector)).clicks, SOON).toBe(1)
    await projector.locator(`.slidev-page-${no}`).first().waitFor()
    await presenter.waitForTimeout(1000)
    expect(await pageNo(presenter)).toBe(no)
    expect((await at(presenter)).clicks).toBe(1)

    const dark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains('dark'))
    const before = await dark(projector)
    await presenter.keyboard.press('d')
    await expect.poll(() => dark(projector), SYNC).toBe(!before)
    await presenter.keyboard.press('d')
    await expect.poll(() => dark(projector), SYNC).toBe(before)
    await laptop.close()
    await tablet.close()
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
    // the slide counts its clicks once it has mounted: before that, → would leave it
    await expect.poll(async () => (await at(presenter)).clicksTotal, SOON).toBeGreaterThan(0)
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
