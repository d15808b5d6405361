/** What the browser tests share: a served copy of the test build. Pages record trouble with `watchPage` (tools/browser.ts). */
import type { Browser } from 'playwright-chromium'
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
