/** What the browser tests share: a served copy of the test build and a page that records trouble. */
import type { Browser, Page } from 'playwright-chromium'
import type { StaticServer } from '../tools/serve.ts'
import { inject } from 'vitest'
import { launchChromium } from '../tools/browser.ts'
import { serveStatic } from '../tools/serve.ts'

export const site = inject('site')

export interface Session {
  browser: Browser
  server: StaticServer
  close: () => Promise<void>
}

export async function openSite(): Promise<Session> {
  const server = await serveStatic(site.dir, { base: site.base })
  const browser = await launchChromium()
  return {
    browser,
    server,
    close: async () => {
      await browser.close()
      await server.close()
    },
  }
}

/** Everything a page did wrong: console errors and warnings, page errors, failed or off-machine requests. */
export function recordTrouble(page: Page): string[] {
  const trouble: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      trouble.push(`console ${message.type()}: ${message.text()} (${page.url()})`)
  })
  page.on('pageerror', error => trouble.push(`page error: ${error.message} (${page.url()})`))
  page.on('requestfailed', request => trouble.push(`request failed: ${request.url()} ${request.failure()?.errorText}`))
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url())
    if (!['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1')
      trouble.push(`request off the machine: ${request.url()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400)
      trouble.push(`HTTP ${response.status()}: ${response.url()}`)
  })
  return trouble
}
