/** What the browser tests share: a served copy of the test build. Pages record trouble with `watchPage` (packages/slidev-addon-lectern/node/core/browser.ts). */
import type { Browser, Page } from 'playwright-chromium'
import type { StaticServer } from '../packages/slidev-addon-lectern/node/core/serve.ts'
import { SLIDEV } from 'slidev-addon-lectern/shared/slidev-internals.ts'
import { inject } from 'vitest'
import { launchChromium } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { serveStatic } from '../packages/slidev-addon-lectern/node/core/serve.ts'

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

/**
 * Where the running app's navigation is (Slidev's context, reached through Vue's app on #app). Waits for the app:
 * on a busy machine it mounts seconds after the network goes idle.
 */
export async function navState(page: Page): Promise<{ no: number, clicks: number, clicksTotal: number }> {
  const state = await page.waitForFunction((S) => {
    const nav = (document.querySelector(S.appRoot) as any)?.[S.vueApp]?._context.provides[S.contextKey]?.nav
    return nav && { no: nav.currentSlideNo, clicks: nav.clicks, clicksTotal: nav.clicksTotal }
  }, SLIDEV, { timeout: 60_000 })
  try {
    return await state.jsonValue()
  }
  finally {
    await state.dispose()
  }
}
