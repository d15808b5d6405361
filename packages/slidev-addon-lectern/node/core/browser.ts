/**
 * The one place that finds a Chromium for every tool: Slidev's `--executable-path`,
 * the export and handout, the benchmark and the tests.
 * Order: $CHROMIUM_PATH, Playwright's own downloaded browser, then system browsers.
 *   lectern browser   → prints the path, or one line saying how to install one.
 */
import type { APIResponse, Browser, LaunchOptions, Page } from 'playwright-chromium'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import process from 'node:process'
import { runCli } from './cli.ts'

/**
 * Playwright, loaded on first use: loading it takes ~0.45 s, which `npm run build` would otherwise spend
 * before it starts Vite; this way it overlaps the Vite build.
 */
let playwright: typeof import('playwright-chromium') | undefined
function chromium() {
  playwright ??= createRequire(import.meta.url)('playwright-chromium') as typeof import('playwright-chromium')
  return playwright.chromium
}

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

/** Flags that keep Chromium quiet and local: no sandbox as root, no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
]

export class BrowserNotFoundError extends Error {}

function installHint(): string {
  if (process.platform === 'darwin')
    return 'brew install --cask chromium (or: npx playwright install chromium)'
  if (process.platform === 'win32')
    return 'npx playwright install chromium'
  if (existsSync('/etc/debian_version'))
    return 'apt-get install -y chromium (or, where downloads work: npx playwright install chromium)'
  return 'install Chromium with your package manager, or: npx playwright install chromium'
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.CHROMIUM_PATH
  if (override) {
    if (existsSync(override))
      return override
    throw new BrowserNotFoundError(`CHROMIUM_PATH=${override} does not exist — point it at a Chromium binary or unset it`)
  }
  const candidates = [
    playwrightBrowser(),
    ...SYSTEM_BROWSERS,
  ]
  const found = candidates.find(path => path && existsSync(path))
  if (found)
    return found
  throw new BrowserNotFoundError(`No Chromium found (looked at $CHROMIUM_PATH, Playwright's browsers, ${SYSTEM_BROWSERS.slice(0, 3).join(', ')}) — install one: ${installHint()}`)
}

function playwrightBrowser(): string | undefined {
  try {
    return chromium().executablePath()
  }
  catch {
    return undefined
  }
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium().launch({
    executablePath: findChromium(),
    ...options,
    args: [
      ...CHROMIUM_ARGS,
      ...(options.args ?? []),
    ],
  })
}

/** The one rule for "does this request stay on the machine?": the local server (127.0.0.1), data:, blob:, about:. */
export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  return ['data:', 'blob:', 'about:'].includes(protocol) || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname)
}

export interface Trouble {
  /** A request (failed, HTTP error, off the machine), a console message, or an uncaught page error. */
  kind: 'request' | 'console' | 'page'
  /** 'warning': a console warning, or a remote request the caller allowed; everything else is an error. */
  severity: 'error' | 'warning'
  /** One line: `console error: …`, `page error: …`, `request failed: <url> …`, `HTTP 404: <url>`, `request off the machine …: <url>`. */
  what: string
  /** The resource it is about, so the caller can name the slide that asked for it. */
  url?: string
  /** For a request off the machine: stopped, let through, or let through but unanswered in time (so left out). */
  remote?: 'blocked' | 'allowed' | 'left out'
}

export interface WatchOptions {
  /**
   * Let requests off the machine through (`--allow-remote`), each reported once as a warning: fetched for the page,
   * or, when the server does not answer within `remoteTimeout`, left out. Default: blocked, an error.
   */
  allowRemote?: boolean
  /** How long an allowed remote request may take before it is left out (ms). */
  remoteTimeout?: number
  /** Called for each trouble as it happens (default: only collected). */
  onTrouble?: (trouble: Trouble) => void
}

/** A remote server gets this long to answer an allowed request: a page waiting for its `load` must not hang on one that never does. */
export const REMOTE_TIMEOUT_MS = 5000

/**
 * The one "page trouble" recorder (export, gate, browser tests): console errors and warnings, page errors,
 * failed requests, HTTP ≥ 400, and requests off the machine — aborted before they leave unless allowed.
 * Returns the list it keeps filling.
 */
export async function watchPage(page: Page, options: WatchOptions = {}): Promise<Trouble[]> {
  const { allowRemote = false, remoteTimeout = REMOTE_TIMEOUT_MS } = options
  const troubles: Trouble[] = []
  const note = (trouble: Trouble): void => {
    troubles.push(trouble)
    options.onTrouble?.(trouble)
  }
  /** Remote URLs seen: each is reported once, and its failure is not reported again as a failed request. */
  const remote = new Set<string>()
  const once = (url: string, trouble: Trouble): void => {
    if (remote.has(url))
      return
    remote.add(url)
    note(trouble)
  }
  // Offline (or behind a firewall that drops packets) a remote server may never answer, and the page's `load`
  // would wait for it: the request is made here, with a deadline, and answered or aborted.
  await page.route(url => !isLocalUrl(url.href), async (route) => {
    const url = route.request().url()
    if (!allowRemote) {
      once(url, {
        kind: 'request',
        severity: 'error',
        what: `request off the machine (blocked): ${url}`,
        url,
        remote: 'blocked',
      })
      await route.abort('blockedbyclient')
      return
    }
    let response: APIResponse
    try {
      response = await route.fetch({ timeout: remoteTimeout, maxRetries: 0 })
    }
    catch (error) {
      const cause = (error as Error).message.split('\n')[0].replace(/^[\w.]+: /, '')
      once(url, {
        kind: 'request',
        severity: 'warning',
        what: `request off the machine (allowed) got no answer (${cause}), left out: ${url}`,
        url,
        remote: 'left out',
      })
      await route.abort('failed').catch(() => {}) // the page may be closed by now
      return
    }
    once(url, {
      kind: 'request',
      severity: 'warning',
      what: `request off the machine (allowed): ${url}`,
      url,
      remote: 'allowed',
    })
    await route.fulfill({ response }).catch(() => {})
  })
  page.on('console', (message) => {
    const type = message.type()
    if (type !== 'error' && type !== 'warning')
      return
    const url = message.location().url || undefined
    // Chromium repeats each failed request as "Failed to load resource"; the request is reported on its own.
    if (url && message.text().startsWith('Failed to load resource') && (remote.has(url) || !isLocalUrl(url)))
      return
    note({
      kind: 'console',
      severity: type === 'error'
        ? 'error'
        : 'warning',
      what: `console ${type}: ${message.text().slice(0, 300)}`,
      url,
    })
  })
  page.on('pageerror', error => note({ kind: 'page', severity: 'error', what: `page error: ${error.message.slice(0, 300)}` }))
  page.on('requestfailed', (request) => {
    if (!remote.has(request.url())) {
      note({
        kind: 'request',
        severity: 'error',
        what: `request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`.trim(),
        url: request.url(),
      })
    }
  })
  page.on('response', (response) => {
    if (response.status() >= 400) {
      note({
        kind: 'request',
        severity: 'error',
        what: `HTTP ${response.status()}: ${response.url()}`,
        url: response.url(),
      })
    }
  })
  return troubles
}

/** `lectern browser` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern browser',
    summary: 'Print the path of the Chromium the tools use, or say how to install one.',
    options: {},
    run: () => {
      console.log(findChromium())
    },
  }, argv)
}
