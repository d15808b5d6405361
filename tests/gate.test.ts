import type { Browser } from 'playwright-chromium'
import type { GateResult } from '../packages/slidev-addon-lectern/node/verify/gate/gate.ts'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { slidevBuild } from '../packages/slidev-addon-lectern/node/slidev/slidev.ts'
import { formatGateProblem, formatGateReport, runGate } from '../packages/slidev-addon-lectern/node/verify/gate/gate.ts'
import { site } from './browser.ts'

const FIXTURE_BASE = '/gate-fixture/'
let browser: Browser
let temp: string

/** Builds a fixture deck (components and public/ resolve beside its slides.md) and runs the gate on it. */
async function gateFixture(name: string): Promise<GateResult> {
  const out = join(temp, name)
  const entry = `tests/fixtures/${name}/slides.md`
  await slidevBuild({
    entry,
    out,
    base: FIXTURE_BASE,
    quiet: true,
  })
  return runGate({
    siteDir: out,
    base: FIXTURE_BASE,
    entry,
    screenshots: join(temp, `${name}-screenshots`),
    browser,
  })
}

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'deck-gate-'))
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  rmSync(temp, { recursive: true, force: true })
})

describe('the browser gate on fixture decks', () => {
  it('reports a box wider than the canvas on the slide and click step where it shows, with file:line and screenshot', async () => {
    const result = await gateFixture('browser-overflow')
    // Exactly one problem (the list is printed in full if not).
    expect(result.problems.map(formatGateProblem)).toEqual([
      expect.stringContaining('wide-box'),
    ])
    const [problem] = result.problems
    expect(problem).toMatchObject({
      file: 'tests/fixtures/browser-overflow/slides/02-fault.md',
      line: 1,
      slide: 3,
      // Hidden by v-click at click 0, so only click 1 counts; the clipped 1400px line on slide 2 does not.
      clicks: [1],
      modes: ['light', 'dark'],
    })
    // 1400px box + 2·2px border + 2·8px padding from x = 56: 476 px past the 980px canvas.
    expect(problem.what).toMatch(/div\.wide-box.* sticks out of the canvas right by 476 px/)
    expect(problem.screenshot).toBe(join(temp, 'browser-overflow-screenshots/light/03-c1.png'))
    expect(existsSync(problem.screenshot)).toBe(true)
    expect(result.steps).toBe(8) // 3 slides, slide 3 has 2 click steps, in light and dark
  })

  it('pins a console error on the slide that threw, not on the slide before it (Slidev mounts neighbours ahead)', async () => {
    const result = await gateFixture('throwing-slide')
    const consoles = result.problems.filter(p => /console|page error/.test(p.what))
    expect(consoles.length, formatGateReport(result)).toBeGreaterThan(0)
    for (const problem of consoles)
      expect(problem.slide, formatGateProblem(problem)).toBe(2)
  })

  it('blocks a remote image before it leaves the machine and pins it on the slide that shows it', async () => {
    const result = await gateFixture('browser-remote-image')
    const lines = result.problems.map(formatGateProblem)
    expect(lines.length).toBeGreaterThan(0)
    for (const problem of result.problems) {
      expect(problem, formatGateProblem(problem)).toMatchObject({
        file: 'tests/fixtures/browser-remote-image/slides/02-fault.md',
        line: 1,
        slide: 3,
      })
    }
    expect(lines.some(l => l.includes('request off the machine (blocked): https://example.com/x.png'))).toBe(true)
    expect(lines.some(l => l.includes('image https://example.com/x.png not decoded'))).toBe(true)
  })

  it('names Chinese text that a system font draws, and passes a weight the shipped faces cover by CSS font matching', async () => {
    const result = await gateFixture('browser-system-font')
    const lines = result.problems.map(formatGateProblem)
    // One problem, in both modes: the 600-weight paragraph is drawn by the 700 face, as CSS font matching picks.
    expect(lines, lines.join('\n')).toHaveLength(1)
    expect(result.problems[0]).toMatchObject({
      file: 'tests/fixtures/browser-system-font/slides/01-fault.md',
      line: 13,
      slide: 2,
      modes: ['light', 'dark'],
    })
    expect(result.problems[0].what).toMatch(/Chinese text at .*div\.system-font.* is drawn by a system font, not /)
  })
})

describe('the browser gate on the real deck', () => {
  it('every slide at every click step, light and dark: no overflow, console trouble, broken image, missing font or serious axe violation', async () => {
    const result = await runGate({ siteDir: site.dir, base: site.base, browser })
    process.stdout.write(`${formatGateReport(result)}\n`)
    expect(result.problems.map(formatGateProblem)).toEqual([])
  })
})
