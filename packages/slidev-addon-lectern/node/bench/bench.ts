/**
 * `npm run bench`: what the deck costs to make and to visit, measured side by side in one run.
 *   - making: `lectern build` (site + slides PDF + handout) against stock `slidev build` +
 *     `slidev export` on the same deck, in alternating pairs (ours, then stock): the ratio is the median
 *     of the pairs' ratios, so a slow spell of the machine hits both sides of a pair — wall time and
 *     peak memory (RSS of the process tree, from /proc);
 *   - visiting: the first visit of the built site on 127.0.0.1 (unthrottled and "Fast 4G" through
 *     CDP), then one walk through every slide and click — bytes, requests, fonts, time to slide 1;
 *   - Lighthouse (mobile defaults, simulated throttling) on slide 1 and on the live-migration slide,
 *     for our site and stock `slidev build`'s, both precompressed and served by node/core/serve.ts;
 *   - growth: the same build + export for a generated deck four times as long.
 * Prints a table and writes bench-results/bench-<date>.json.
 *   lectern bench [--out bench-results] [--skip-stock] [--skip-4x] [--skip-visit] [--skip-lighthouse]
 *                       [--rounds 3] [--lighthouse-runs 3] [--timeout 900]
 *   lectern bench --lighthouse-site dist [--stock-site dir]   (Lighthouse only, on sites already built)
 */
import type { Browser, CDPSession, Page } from 'playwright-chromium'
import type { CliOption, CliValues } from '../core/cli.ts'
import type { Deck } from '../deck/deck.ts'
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os, { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { slideSelector, SLIDEV } from '../../shared/slidev-internals.ts'
import { CHROMIUM_ARGS, findChromium, isLocalUrl, launchChromium } from '../core/browser.ts'
import { runCli } from '../core/cli.ts'
import { serveStatic } from '../core/serve.ts'
import { readDeck } from '../deck/deck.ts'
import { compressFiles, compressibleFiles } from '../make/build.ts'
import { startApp } from '../make/pages/prerender.ts'
import { requireSlidev } from '../slidev/slidev.ts'

const ROOT = process.cwd()
const PAGE_SIZE = 4096

/** Chrome DevTools' "Fast 4G" preset: 9 Mbit/s down, 1.5 Mbit/s up, 165 ms round trip. */
export const FAST_4G = {
  offline: false,
  latency: 165,
  downloadThroughput: 9_000_000 / 8,
  uploadThroughput: 1_500_000 / 8,
}

// ───────────────────────────── processes ─────────────────────────────

/** Resident memory of a process and all its descendants, in bytes (Linux /proc; 0 elsewhere). */
export function treeRss(rootPid: number): number {
  if (!existsSync('/proc/self/statm'))
    return 0
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [
        ...(children.get(ppid) ?? []),
        Number(entry),
      ])
    }
    catch {}
  }
  let total = 0
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.pop()!
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE
    }
    catch {}
    queue.push(...(children.get(pid) ?? []))
  }
  return total
}

export interface Measured {
  seconds: number
  peakRssMB: number
  ok: boolean
  timedOut: boolean
  error?: string
}

/** Runs `node args…` in its own process group, sampling the tree's memory every 100 ms; kills it at the timeout. */
export function measure(args: string[], timeoutSeconds: number, log: (line: string) => void): Promise<Measured> {
  return new Promise((done) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    let peak = 0
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRss(child.pid!))
    }, 100)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      }
      catch {}
    }, timeoutSeconds * 1000)
    child.on('close', (code) => {
      clearInterval(sampler)
      clearTimeout(timer)
      const seconds = (performance.now() - started) / 1000
      const ok = code === 0 && !timedOut
      if (!ok) {
        log(`  ✗ node ${args.slice(0, 3).join(' ')}… ${timedOut
          ? `timed out after ${timeoutSeconds} s`
          : `exit ${code}`}\n${output.trim().split('\n').slice(-12).join('\n')}`)
      }
      done({
        seconds: round(seconds, 1),
        peakRssMB: round(peak / 2 ** 20, 0),
        ok,
        timedOut,
        error: ok
          ? undefined
          : output.trim().split('\n').slice(-12).join('\n'),
      })
    })
  })
}

// ───────────────────────────── visiting ─────────────────────────────

export interface Visit {
  requests: number
  offMachine: string[]
  /** Response bodies as the page got them (decoded). */
  bodyKB: number
  /** Bytes on the wire (compressed where the server compressed). */
  transferKB: number
  fontKB: number
  /** Noto Sans SC / Deck Sans files only. */
  chineseFontKB: number
  fontFiles: number
  /** From navigation start until slide 1 is on screen and every font it asked for has loaded. */
  firstSlideMs?: number
  encodings: string[]
}

interface Recorder {
  visit: () => Visit
  reset: () => void
}

function record(cdp: CDPSession): Recorder {
  const byId = new Map<string, { url: string, type: string, decoded: number, encoded: number, encoding: string }>()
  cdp.on('Network.requestWillBeSent', (e) => {
    byId.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? 'Other',
      decoded: 0,
      encoded: 0,
      encoding: '',
    })
  })
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId)
    if (r) {
      r.type = e.type
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [
        k.toLowerCase(),
        String(v),
      ]))
      r.encoding = headers['content-encoding'] ?? 'identity'
    }
  })
  cdp.on('Network.dataReceived', (e) => {
    const r = byId.get(e.requestId)
    if (r)
      r.decoded += e.dataLength
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId)
    if (r)
      r.encoded = e.encodedDataLength
  })
  return {
    reset: () => byId.clear(),
    visit: () => {
      const all = [
        ...byId.values(),
      ].filter(r => !r.url.startsWith('data:') && !r.url.startsWith('blob:'))
      const fonts = all.filter(r => r.type === 'Font')
      const kb = (n: number) => round(n / 1024, 1)
      return {
        requests: all.length,
        offMachine: all.filter(r => !isLocalUrl(r.url)).map(r => r.url),
        bodyKB: kb(all.reduce((s, r) => s + r.decoded, 0)),
        transferKB: kb(all.reduce((s, r) => s + r.encoded, 0)),
        fontKB: kb(fonts.reduce((s, r) => s + r.decoded, 0)),
        chineseFontKB: kb(fonts.filter(r => /noto-sans-sc|deck-sans/.test(r.url)).reduce((s, r) => s + r.decoded, 0)),
        fontFiles: fonts.length,
        encodings: [
          ...new Set(all.map(r => r.encoding).filter(Boolean)),
        ],
      }
    },
  }
}

/** Resolves when the network has been quiet for `quietMs` (at most `maxMs`). */
async function networkQuiet(page: Page, cdp: CDPSession, quietMs = 1000, maxMs = 30_000) {
  let inflight = 0
  let last = performance.now()
  const up = () => {
    inflight++
    last = performance.now()
  }
  const down = () => {
    inflight = Math.max(0, inflight - 1)
    last = performance.now()
  }
  cdp.on('Network.requestWillBeSent', up)
  cdp.on('Network.loadingFinished', down)
  cdp.on('Network.loadingFailed', down)
  const started = performance.now()
  // `inflight` and `last` change in the CDP listeners above, between iterations.
  // eslint-disable-next-line no-unmodified-loop-condition
  while (performance.now() - started < maxMs && (inflight > 0 || performance.now() - last < quietMs))
    await page.waitForTimeout(100)
  cdp.off('Network.requestWillBeSent', up)
  cdp.off('Network.loadingFinished', down)
  cdp.off('Network.loadingFailed', down)
}

async function firstSlideDrawn(page: Page): Promise<number> {
  await page.waitForFunction((selector) => {
    const slide = document.querySelector(selector)
    return !!slide && (slide.textContent ?? '').trim().length > 0
      && document.fonts.status === 'loaded'
      && ![...document.fonts].some(f => f.status === 'loading')
  }, `${slideSelector(1)} .${SLIDEV.layoutClass}`, { timeout: 120_000, polling: 16 })
  // The frame after the fonts arrived is the one that shows them.
  return page.evaluate(() => new Promise<number>(done => requestAnimationFrame(() => done(Math.round(performance.now())))))
}

/**
 * The first visit of slide 1 until the network is quiet: the prerendered page, its fonts, and the app's
 * code preloaded after `load`. Then the reader moves the pointer, the app starts and takes over:
 * `started` adds what that costs (the app's CSS, the slide's own code …).
 */
export async function firstVisit(browser: Browser, url: string, throttle?: typeof FAST_4G): Promise<Visit & { started?: Visit }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  if (throttle)
    await cdp.send('Network.emulateNetworkConditions', throttle)
  const recorder = record(cdp)
  try {
    await page.goto(`${url}1`, { waitUntil: 'commit', timeout: 120_000 })
    const firstSlideMs = await firstSlideDrawn(page)
    await networkQuiet(page, cdp)
    const first = recorder.visit()
    await startApp(page)
    await networkQuiet(page, cdp)
    return {
      ...first,
      firstSlideMs,
      started: recorder.visit(),
    }
  }
  finally {
    await context.close()
  }
}

/** One visit that starts at slide 1 and presses → until the end: everything a reader downloads. */
export async function walkDeck(browser: Browser, url: string): Promise<Visit & { steps: number, lastSlide: number }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const recorder = record(cdp)
  try {
    await page.goto(`${url}1`, { waitUntil: 'load' })
    await firstSlideDrawn(page)
    await startApp(page)
    let steps = 0
    for (; steps < 3000; steps++) {
      const before = page.url()
      await page.keyboard.press('ArrowRight')
      const moved = await page.waitForURL(next => next.href !== before, { timeout: 1500 }).then(() => true, () => false)
      if (!moved)
        break
      await page.evaluate(() => document.fonts.ready)
    }
    await networkQuiet(page, cdp)
    const lastSlide = Number(page.url().match(/\/(\d+)(?:\?|$)/)?.[1] ?? 0)
    return {
      ...recorder.visit(),
      steps,
      lastSlide,
    }
  }
  finally {
    await context.close()
  }
}

// ───────────────────────────── Lighthouse ─────────────────────────────

export interface LighthouseScore {
  url: string
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
  speedIndexMs: number
  /** Total bytes transferred (Lighthouse's total-byte-weight). */
  transferKB: number
  requests: number
  /** Audits that did not pass (score < 1), for the categories other than performance. */
  failing: string[]
  runs: number
}

const LIGHTHOUSE_CLI = join(dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js')

/** One Lighthouse run (its CLI, mobile defaults) on the given Chromium; the report's numbers. */
async function lighthouseOnce(url: string, scratch: string): Promise<Omit<LighthouseScore, 'runs'>> {
  const report = join(scratch, `lighthouse-${process.hrtime.bigint()}.json`)
  const flags = [...CHROMIUM_ARGS, '--headless=new']
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [
      LIGHTHOUSE_CLI,
      url,
      '--output=json',
      `--output-path=${report}`,
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=${flags.join(' ')}`,
    ], {
      env: {
        ...process.env,
        CHROME_PATH: findChromium(),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', fail)
    child.on('close', code => code === 0 && existsSync(report)
      ? done()
      : fail(new Error(`lighthouse ${url} failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join('\n')}`)))
  })
  const lhr = JSON.parse(readFileSync(report, 'utf8'))
  rmSync(report, { force: true })
  const audit = (id: string) => lhr.audits[id]?.numericValue as number
  return {
    url,
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    bestPractices: Math.round(lhr.categories['best-practices'].score * 100),
    seo: Math.round(lhr.categories.seo.score * 100),
    fcpMs: Math.round(audit('first-contentful-paint')),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    cls: round(audit('cumulative-layout-shift'), 3),
    speedIndexMs: Math.round(audit('speed-index')),
    transferKB: round(audit('total-byte-weight') / 1024, 1),
    requests: lhr.audits['network-requests']?.details?.items?.length ?? 0,
    failing: ['accessibility', 'best-practices', 'seo'].flatMap(category => lhr.categories[category].auditRefs
      .filter((ref: { id: string, weight: number }) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref: { id: string }) => `${category}:${ref.id}`)),
  }
}

/** `runs` Lighthouse runs of one URL; the run with the median performance score. */
export async function lighthouse(url: string, runs: number, scratch: string): Promise<LighthouseScore> {
  const results: Omit<LighthouseScore, 'runs'>[] = []
  for (let i = 0; i < runs; i++)
    results.push(await lighthouseOnce(url, scratch))
  results.sort((a, b) => a.performance - b.performance || b.lcpMs - a.lcpMs)
  return {
    ...results[Math.floor(results.length / 2)],
    runs,
  }
}

/** Slide 1 and the slide showing the live-migration model (or, in a deck without it, the middle slide). */
export function lighthouseSlides(deck: Deck): number[] {
  const migration = deck.slides.find(s => /<LiveMigration\b/.test(s.content))?.no ?? Math.ceil(deck.slides.length / 2)
  return [
    ...new Set([1, migration]),
  ]
}

/**
 * Lighthouse over both sites, served the same way: node/core/serve.ts with the same precompressed files
 * (the stock site gets its .br/.gz written here, as our build writes them).
 */
export async function lighthouseBoth(sites: { ours?: string, stock?: string }, deck: Deck, runs: number, scratch: string, log: (line: string) => void) {
  const result: Record<string, Record<string, LighthouseScore>> = {}
  for (const [name, dir] of Object.entries(sites)) {
    if (!dir)
      continue
    if (name === 'stock')
      await compressFiles(dir, compressibleFiles(dir).filter(f => !existsSync(`${f}.br`)))
    const server = await serveStatic(dir)
    try {
      result[name] = {}
      for (const no of lighthouseSlides(deck)) {
        log(`lighthouse: ${name} /${no} (${runs} run${runs > 1
          ? 's'
          : ''}) …`)
        result[name][`slide${no}`] = await lighthouse(`${server.url}${no}`, runs, scratch)
      }
    }
    finally {
      await server.close()
    }
  }
  return result
}

// ───────────────────────────── files ─────────────────────────────

export interface PdfFacts {
  KB: number
  pages: number
  fonts: number
  type3Fonts: number
  searchable: boolean
}

function runText(cmd: string, args: string[]): Promise<string> {
  return new Promise((done) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let out = ''
    child.stdout.on('data', (c) => {
      out += c
    })
    child.on('error', () => done(''))
    child.on('close', () => done(out))
  })
}

/** Size, and whether the text is still vector text (embedded fonts, no Type 3) that a reader can search. */
export async function pdfFacts(file: string, probe: string): Promise<PdfFacts> {
  const fonts = (await runText('pdffonts', [file])).split('\n').slice(2).filter(Boolean)
  const text = await runText('pdftotext', ['-l', '3', file, '-'])
  const pages = Number((await runText('pdfinfo', [file])).match(/Pages:\s+(\d+)/)?.[1] ?? 0)
  return {
    KB: round(statSync(file).size / 1024, 0),
    pages,
    fonts: fonts.length,
    type3Fonts: fonts.filter(l => l.includes('Type 3')).length,
    searchable: text.replace(/\s/g, '').includes(probe.replace(/\s/g, '')),
  }
}

function dirBytes(dir: string, test: (name: string) => boolean = () => true): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory())
      total += dirBytes(path, test)
    else if (test(entry.name))
      total += statSync(path).size
  }
  return total
}

/**
 * A deck `times` as long: the real chapters copied into a folder in the project root (so components
 * resolve). Both names are ones .gitignore already ignores (scratch*.md, bench-results/), so a commit
 * made by someone else while the benchmark runs does not pick them up.
 */
export function writeLargerDeck(times: number, resultsDir = 'bench-results'): { entry: string, cleanup: () => void } {
  const entry = `scratch-bench-${times}x.md`
  const folder = join(resultsDir, `deck-${times}x`)
  rmSync(folder, { recursive: true, force: true })
  const source = readFileSync('slides.md', 'utf8')
  const files = readdirSync('slides').filter(f => f.endsWith('.md')).sort()
  for (let copy = 1; copy <= times; copy++) {
    mkdirSync(join(folder, `part-${copy}`), { recursive: true })
    for (const file of files)
      copyFileSync(join('slides', file), join(folder, `part-${copy}`, file))
  }
  // slides.md is headmatter plus `src:` imports: keep its headmatter, import every chapter once per copy.
  const imports = [
    ...source.matchAll(/^src:\s*\.\/slides\/(\S+)$/gm),
  ].map(m => m[1])
  if (!imports.length)
    throw new Error('slides.md has no `src: ./slides/…` imports to repeat')
  const head = source.match(/^---\n[\s\S]*?\n---\n/)![0]
  const blocks: string[] = []
  for (let copy = 1; copy <= times; copy++) {
    for (const file of imports)
      blocks.push(`src: ./${folder}/part-${copy}/${file}`)
  }
  const parts = [
    head.replace(/^src:.*$/m, blocks[0]),
    ...blocks.slice(1).map(b => `\n---\n${b}\n---\n`),
  ]
  writeFileSync(entry, parts.join(''))
  return {
    entry,
    cleanup: () => {
      rmSync(entry, { force: true })
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

// ───────────────────────────── the run ─────────────────────────────

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[mid]
    : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The fastest of the runs that succeeded, or the first failed one when none did. */
export function fastest<T>(runs: T[], ok: (run: T) => boolean, seconds: (run: T) => number): T {
  const good = runs.filter(ok)
  return good.length
    ? good.reduce((a, b) => seconds(b) < seconds(a)
        ? b
        : a)
    : runs[0]
}

function round(n: number, digits: number) {
  return Math.round(n * 10 ** digits) / 10 ** digits
}

function machine() {
  const cpus = os.cpus()
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGB: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: findChromium(),
    loadAverageAtStart: os.loadavg().map(n => round(n, 2)),
  }
}

/** Builds the site and both PDFs with the project's own code, into `dir` (nothing in exports/ or dist/ touched). */
function ourBuildArgs(dir: string, entry = 'slides.md'): string[] {
  const script = `import { buildSite } from ${JSON.stringify(fileURLToPath(new URL('../make/build.ts', import.meta.url)))};
await buildSite({ entry: ${JSON.stringify(entry)}, out: ${JSON.stringify(join(dir, 'site'))}, exportsDir: ${JSON.stringify(join(dir, 'exports'))} })`
  return ['--input-type=module', '-e', script]
}

const OPTIONS = {
  'out': {
    type: 'string',
    value: 'dir',
    help: 'where the JSON result goes',
    default: 'bench-results',
  },
  'skip-stock': { type: 'boolean', help: 'do not measure stock slidev build + export' },
  'skip-4x': { type: 'boolean', help: 'do not measure the deck four times as long' },
  'skip-visit': { type: 'boolean', help: 'do not measure visiting the built site' },
  'skip-lighthouse': { type: 'boolean', help: 'do not run Lighthouse' },
  'lighthouse-runs': {
    type: 'string',
    value: 'n',
    help: 'Lighthouse runs per page; the median (by performance) is kept',
    default: '3',
  },
  'lighthouse-site': {
    type: 'string',
    value: 'dir',
    help: 'only run Lighthouse, on this built site (quick mode)',
  },
  'stock-site': {
    type: 'string',
    value: 'dir',
    help: 'with --lighthouse-site: a stock `slidev build` to compare',
  },
  'rounds': {
    type: 'string',
    value: 'n',
    help: 'pairs of ours and stock making, alternating; the ratio is the median of the pairs\' ratios (at least 3 for a reported ratio)',
    default: '3',
  },
  'timeout': {
    type: 'string',
    value: 's',
    help: 'give up on one build after this many seconds',
    default: '900',
  },
} satisfies Record<string, CliOption>

async function main(values: CliValues<typeof OPTIONS> & { out: string }) {
  const lighthouseRuns = Number(values['lighthouse-runs'] ?? 3)
  const rounds = Math.max(1, Number(values.rounds ?? 3))
  const timeout = Number(values.timeout)
  const log = (line: string) => console.log(line)
  const work = mkdtempSync(join(tmpdir(), 'deck-bench-'))
  const deck = await readDeck()
  const result: Record<string, any> = {
    date: new Date().toISOString(),
    machine: machine(),
    deck: { slides: deck.slides.length },
  }
  if (values['lighthouse-site']) {
    // Quick mode: Lighthouse alone, on sites already built.
    try {
      result.lighthouse = await lighthouseBoth({ ours: values['lighthouse-site'], stock: values['stock-site'] }, deck, lighthouseRuns, work, log)
    }
    finally {
      rmSync(work, { recursive: true, force: true })
    }
    console.log(`\n${lighthouseTable(result.lighthouse)}`)
    return
  }
  try {
    // 1. Making it: ours, then stock on the same deck, in alternating rounds; each side's fastest round
    // counts (the first round also warms the file cache both share: Slidev, Vite, Chromium).
    const oursRuns: Measured[] = []
    const stockRuns: { build: Measured, export: Measured, seconds: number }[] = []
    const pdf = join(work, 'stock-slides.pdf')
    for (let pass = 1; pass <= rounds; pass++) {
      log(`ours${rounds > 1
        ? ` (round ${pass}/${rounds})`
        : ''}: lectern build (site + slides PDF + handout) …`)
      oursRuns.push(await measure(ourBuildArgs(join(work, 'ours')), timeout, log))
      if (values['skip-stock'])
        continue
      log(`stock: slidev build --out <tmp> …`)
      const build = await measure([
        requireSlidev().bin,
        'build',
        'slides.md',
        '--out',
        join(work, 'stock-site'),
      ], timeout, log)
      log(`stock: slidev export --executable-path ${findChromium()} …`)
      const exp = await measure([
        requireSlidev().bin,
        'export',
        'slides.md',
        '--executable-path',
        findChromium(),
        '--output',
        pdf,
        '--timeout',
        '120000',
      ], timeout, log)
      stockRuns.push({
        build,
        export: exp,
        seconds: round(build.seconds + exp.seconds, 1),
      })
    }
    const ours = fastest(oursRuns, r => r.ok, r => r.seconds)
    const ourSite = join(work, 'ours/site')
    result.ours = {
      build: ours,
      rounds: oursRuns.map(r => r.seconds),
    }
    if (ours.ok) {
      const assets = join(ourSite, 'assets')
      result.ours.site = {
        totalKB: round(dirBytes(ourSite, n => !/\.(?:gz|br)$/.test(n)) / 1024, 0),
        deckSansKB: round(dirBytes(assets, n => /^deck-sans-.*\.woff2$/.test(n)) / 1024, 1),
        deckSansFiles: readdirSync(assets).filter(n => /^deck-sans-.*\.woff2$/.test(n)).length,
      }
      const probe = deck.title
      result.ours.slidesPdf = await pdfFacts(join(work, 'ours/exports/slides.pdf'), probe)
      result.ours.handout = await pdfFacts(join(work, 'ours/exports/handout.pdf'), probe)
    }
    if (stockRuns.length) {
      const stock = fastest(stockRuns, r => r.build.ok && r.export.ok, r => r.seconds)
      result.stock = {
        ...stock,
        rounds: stockRuns.map(r => r.seconds),
      }
      if (stock.export.ok && existsSync(pdf))
        result.stock.slidesPdf = await pdfFacts(pdf, deck.title)
      const pairs = oursRuns.map((o, i) => [o, stockRuns[i]] as const)
        .filter(([o, s]) => o.ok && s && s.build.ok && s.export.ok)
        .map(([o, s]) => o.seconds / s.seconds)
      if (pairs.length) {
        result.pairRatios = pairs.map(p => round(p, 2))
        result.oursOverStock = round(median(pairs), 2)
      }
    }

    // 2. Visiting it.
    if (!values['skip-visit'] && ours.ok) {
      const server = await serveStatic(ourSite)
      const browser = await launchChromium()
      try {
        log(`visits: first visit, first visit on Fast 4G, walk through the deck …`)
        result.visit = {
          server: 'node/core/serve.ts (sirv, precompressed .br/.gz when the browser accepts them)',
          first: await firstVisit(browser, server.url),
          firstFast4G: await firstVisit(browser, server.url, FAST_4G),
          walk: await walkDeck(browser, server.url),
        }
      }
      finally {
        await browser.close()
        await server.close()
      }
    }

    // 3. Lighthouse on both sites, served the same way.
    if (!values['skip-lighthouse'] && ours.ok) {
      result.lighthouse = await lighthouseBoth({
        ours: ourSite,
        stock: result.stock?.build.ok
          ? join(work, 'stock-site')
          : undefined,
      }, deck, lighthouseRuns, work, log)
    }

    // 4. Growth: the same make for a deck four times as long.
    if (!values['skip-4x'] && ours.ok) {
      const larger = writeLargerDeck(4, values.out)
      try {
        const slides = (await readDeck(larger.entry)).slides.length
        log(`4×: lectern build --entry ${larger.entry} (${slides} slides) …`)
        const big = await measure(ourBuildArgs(join(work, 'ours-4x'), larger.entry), timeout, log)
        const perSlide = (m: Measured, n: number) => round(m.seconds / n * 1000, 0)
        result.growth = {
          slides,
          build: big,
          msPerSlide: perSlide(big, slides),
          msPerSlideReal: perSlide(ours, deck.slides.length),
          timePerSlideRatio: round(big.seconds / slides / (ours.seconds / deck.slides.length), 2),
          peakMemoryRatio: round(big.peakRssMB / ours.peakRssMB, 2),
        }
        if (big.ok)
          result.growth.slidesPdf = await pdfFacts(join(work, 'ours-4x/exports/slides.pdf'), deck.title)
      }
      finally {
        larger.cleanup()
      }
    }
  }
  finally {
    rmSync(work, { recursive: true, force: true })
  }

  result.targets = targets(result)
  mkdirSync(values.out, { recursive: true })
  const file = join(values.out, `bench-${result.date.replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  console.log(`\n${table(result)}\n\nJSON → ${relative(ROOT, resolve(file))}`)
  console.log(JSON.stringify(result))
}

interface Target { name: string, limit: string, measured: string, ok: boolean | undefined }

function targets(r: Record<string, any>): Target[] {
  const t: Target[] = []
  const add = (name: string, limit: string, measured: string | undefined, ok: boolean | undefined) =>
    t.push({
      name,
      limit,
      measured: measured ?? 'not measured',
      ok,
    })
  add('ours / stock time (with prerendering), median of alternating pairs', '≤ 0.65', r.oursOverStock === undefined
    ? undefined
    : `${r.oursOverStock} (${r.pairRatios.length} pair${r.pairRatios.length === 1
      ? ''
      : 's'}: ${r.pairRatios.join(', ')})`, r.oursOverStock === undefined
    ? undefined
    : r.oursOverStock <= 0.65 && r.pairRatios.length >= 3)
  const first = r.visit?.first as Visit | undefined
  add('first visit bodies (decoded)', '≤ 600 KB', first && `${first.bodyKB} KB (${first.transferKB} KB on the wire)`, first && first.bodyKB <= 600)
  const started = (first as { started?: Visit } | undefined)?.started
  add('first visit + app started, decoded', '≤ 600 KB', started && `${started.bodyKB} KB (${started.transferKB} KB on the wire)`, started && started.bodyKB <= 600)
  add('first visit off-machine requests', '0', first && String(first.offMachine.length), first && first.offMachine.length === 0)
  const walk = r.visit?.walk as Visit | undefined
  add('Chinese font bytes, whole deck', '≤ 1.5 MB', walk && `${walk.chineseFontKB} KB`, walk && walk.chineseFontKB <= 1536)
  const slides = r.ours?.slidesPdf as PdfFacts | undefined
  const handout = r.ours?.handout as PdfFacts | undefined
  add('slides PDF', '≤ 4 MB, vector, searchable', slides && `${slides.KB} KB, ${slides.fonts} fonts, ${slides.type3Fonts} Type 3, searchable ${slides.searchable}`, slides && slides.KB <= 4096 && slides.type3Fonts === 0 && slides.searchable)
  add('handout PDF', '≤ 6 MB, vector, searchable', handout && `${handout.KB} KB, ${handout.fonts} fonts, ${handout.type3Fonts} Type 3, searchable ${handout.searchable}`, handout && handout.KB <= 6144 && handout.type3Fonts === 0 && handout.searchable)
  add('build (site + both PDFs)', '≤ 60 s', r.ours?.build && `${r.ours.build.seconds} s`, r.ours?.build && r.ours.build.ok && r.ours.build.seconds <= 60)
  for (const [slide, score] of Object.entries((r.lighthouse?.ours ?? {}) as Record<string, LighthouseScore>)) {
    add(`Lighthouse ${slide}: performance`, '≥ 95', String(score.performance), score.performance >= 95)
    add(`Lighthouse ${slide}: LCP / TBT / CLS`, '≤ 2.0 s / 200 ms / 0.05', `${score.lcpMs} ms / ${score.tbtMs} ms / ${score.cls}`, score.lcpMs <= 2000 && score.tbtMs <= 200 && score.cls <= 0.05)
    add(`Lighthouse ${slide}: a11y / best practices / SEO`, '100 / 100 / 100', `${score.accessibility} / ${score.bestPractices} / ${score.seo}${score.failing.length
      ? ` (${score.failing.join(', ')})`
      : ''}`, score.accessibility === 100 && score.bestPractices === 100 && score.seo === 100)
  }
  const g = r.growth
  add('4× deck: time per slide', '≤ 1.5× real', g && `${g.timePerSlideRatio}× (${g.msPerSlide} vs ${g.msPerSlideReal} ms/slide)`, g && g.build.ok && g.timePerSlideRatio <= 1.5)
  add('4× deck: peak memory', '≤ 1.5× real', g && `${g.peakMemoryRatio}× (${g.build.peakRssMB} vs ${r.ours.build.peakRssMB} MB)`, g && g.build.ok && g.peakMemoryRatio <= 1.5)
  add('4× deck: no timeout', 'finishes', g && (g.build.timedOut
    ? 'timed out'
    : g.build.ok ? 'finished' : 'failed'), g && g.build.ok)
  return t
}

function table(r: Record<string, any>): string {
  const rows: string[][] = [
    ['measure', 'value'],
  ]
  const push = (k: string, v: unknown) => rows.push([
    k,
    v === undefined
      ? '—'
      : String(v),
  ])
  push('machine', `${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGB} GB, load ${r.machine.loadAverageAtStart.join(' ')}`)
  push('ours: build.ts (site + slides PDF + handout)', r.ours && `${r.ours.build.seconds} s, peak ${r.ours.build.peakRssMB} MB`)
  push('stock: slidev build', r.stock && `${r.stock.build.seconds} s, peak ${r.stock.build.peakRssMB} MB`)
  push('stock: slidev export', r.stock && `${r.stock.export.seconds} s, peak ${r.stock.export.peakRssMB} MB`)
  push('ours / stock (median of the pairs)', r.oursOverStock)
  push('… each pair: ours; stock build + export', r.ours?.rounds && `${r.ours.rounds.join(', ')} s; ${r.stock?.rounds?.join(', ') ?? '—'} s (ratios ${r.pairRatios?.join(', ') ?? '—'})`)
  push('slides PDF (ours / stock)', r.ours?.slidesPdf && `${r.ours.slidesPdf.KB} KB / ${r.stock?.slidesPdf?.KB ?? '—'} KB`)
  push('handout PDF', r.ours?.handout && `${r.ours.handout.KB} KB`)
  push('site size; Deck Sans files', r.ours?.site && `${r.ours.site.totalKB} KB; ${r.ours.site.deckSansFiles} files, ${r.ours.site.deckSansKB} KB`)
  for (const [name, v] of [
    ['first visit', r.visit?.first],
    ['first visit, then the app started', r.visit?.first?.started],
    ['first visit, Fast 4G', r.visit?.firstFast4G],
    ['walk every slide', r.visit?.walk],
  ] as [string, any][]) {
    if (v) {
      push(name, `${v.requests} req, ${v.bodyKB} KB bodies, ${v.transferKB} KB wire (${v.encodings.join('/')}), fonts ${v.fontFiles} files ${v.fontKB} KB (Chinese ${v.chineseFontKB} KB), off-machine ${v.offMachine.length}${v.firstSlideMs !== undefined
        ? `, slide 1 drawn with fonts at ${v.firstSlideMs} ms`
        : ''}${v.steps !== undefined
        ? `, ${v.steps} steps to slide ${v.lastSlide}`
        : ''}`)
    }
  }
  if (r.growth) {
    push(`4× deck (${r.growth.slides} slides)`, `${r.growth.build.seconds} s, peak ${r.growth.build.peakRssMB} MB, ${r.growth.msPerSlide} ms/slide (real ${r.growth.msPerSlideReal})${r.growth.slidesPdf
      ? `, PDF ${r.growth.slidesPdf.KB} KB`
      : ''}`)
  }
  const width = Math.max(...rows.map(r => r[0].length))
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`)
  if (r.lighthouse)
    lines.push('', lighthouseTable(r.lighthouse))
  lines.splice(1, 0, `${'-'.repeat(width)}  -----`)
  const tw = Math.max(...r.targets.map((t: Target) => t.name.length))
  const targetLines = r.targets.map((t: Target) => `${t.ok === undefined
    ? '?'
    : t.ok ? '✓' : '✗'} ${t.name.padEnd(tw)}  ${t.limit.padEnd(28)}  ${t.measured}`)
  return `${lines.join('\n')}\n\nTargets\n${targetLines.join('\n')}`
}

/** Lighthouse side by side: one row a measure, one column a site and slide. */
export function lighthouseTable(results: Record<string, Record<string, LighthouseScore>>): string {
  const columns = Object.entries(results).flatMap(([site, slides]) => Object.entries(slides).map(([slide, score]) => ({ name: `${site} ${slide}`, score })))
  const rows: [string, (s: LighthouseScore) => string][] = [
    [
      'performance',
      s => String(s.performance),
    ],
    [
      'LCP',
      s => `${(s.lcpMs / 1000).toFixed(2)} s`,
    ],
    [
      'TBT',
      s => `${s.tbtMs} ms`,
    ],
    [
      'CLS',
      s => String(s.cls),
    ],
    [
      'FCP',
      s => `${(s.fcpMs / 1000).toFixed(2)} s`,
    ],
    [
      'transferred',
      s => `${s.transferKB} KB, ${s.requests} req`,
    ],
    [
      'a11y / BP / SEO',
      s => `${s.accessibility} / ${s.bestPractices} / ${s.seo}`,
    ],
  ]
  const cells = [
    [
      'Lighthouse (mobile)',
      ...columns.map(c => c.name),
    ],
    ...rows.map(([label, f]) => [
      label,
      ...columns.map(c => f(c.score)),
    ]),
  ]
  const widths = cells[0].map((_, i) => Math.max(...cells.map(row => row[i].length)))
  return cells.map(row => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n')
}

/** `lectern bench` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern bench',
    summary: 'Measure what the deck costs to make and to visit, against stock Slidev; prints a table and writes JSON.',
    options: OPTIONS,
    run: ({ values }) => main({ ...values, out: values.out ?? 'bench-results' }),
  }, argv)
}
