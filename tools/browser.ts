/**
 * The one place that finds a Chromium for every tool: Slidev's `--executable-path`,
 * the export and handout, the benchmark and the tests.
 * Order: $CHROMIUM_PATH, Playwright's own downloaded browser, then system browsers.
 *   node tools/browser.ts   → prints the path, or one line saying how to install one.
 */
import type { Browser, LaunchOptions } from 'playwright-chromium'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { chromium } from 'playwright-chromium'
import { runCli } from './cli.ts'

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
    return chromium.executablePath()
  }
  catch {
    return undefined
  }
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    ...options,
    args: [
      ...CHROMIUM_ARGS,
      ...(options.args ?? []),
    ],
  })
}

if (import.meta.main) {
  await runCli({
    name: 'tools/browser.ts',
    summary: 'Print the path of the Chromium the tools use, or say how to install one.',
    options: {},
    run: () => {
      console.log(findChromium())
    },
  })
}
