import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-chromium'
import type { Trouble } from './browser.ts'
import { Buffer } from 'node:buffer'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isLocalUrl, launchChromium, watchPage } from './browser.ts'

const servers: http.Server[] = []

/** A server on `host`, port chosen by the system; `handler` answers (or never does). */
async function serve(host: string, handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve))
  return `http://${host}:${(server.address() as AddressInfo).port}`
}

// 127.0.0.2 is this machine, but not an address the kit's own server uses: to watchPage it is off the machine,
// a remote server the test controls — one that answers, one that never does.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
let browser: Browser
let page: string
let answering: string
let silent: string

beforeAll(async () => {
  browser = await launchChromium()
  answering = await serve('127.0.0.2', (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL))
  silent = await serve('127.0.0.2', () => {}) // takes the request, never answers
  page = await serve('127.0.0.1', (_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<img id="a" src="${answering}/a.png"><img id="b" src="${silent}/b.png">`))
}, 60_000)

afterAll(async () => {
  await browser?.close()
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
})

async function open(allowRemote: boolean) {
  const context = await browser.newContext()
  const tab = await context.newPage()
  const troubles = await watchPage(tab, { allowRemote, remoteTimeout: 1500 })
  const started = performance.now()
  await tab.goto(page, { waitUntil: 'load', timeout: 20_000 })
  const loadedIn = performance.now() - started
  const widths = await tab.evaluate(() => ['a', 'b'].map(id => (document.getElementById(id) as HTMLImageElement).naturalWidth))
  await context.close()
  return { troubles, loadedIn, widths }
}

const requests = (troubles: Trouble[]) => troubles.filter(t => t.kind === 'request').map(t => [t.severity, t.remote, t.what])

describe('watchPage and requests off the machine', () => {
  it('counts 127.0.0.2 as off the machine (the test\'s remote servers)', () => {
    expect(isLocalUrl('http://127.0.0.2:80/x.png')).toBe(false)
    expect(isLocalUrl('http://127.0.0.1:80/x.png')).toBe(true)
  })

  it('blocks them by default: one error per URL, nothing fetched', async () => {
    const { troubles, widths } = await open(false)
    expect(widths).toEqual([0, 0])
    expect(requests(troubles)).toEqual([
      ['error', 'blocked', `request off the machine (blocked): ${answering}/a.png`],
      ['error', 'blocked', `request off the machine (blocked): ${silent}/b.png`],
    ])
  })

  it('with allowRemote, loads what answers and leaves out, within the deadline, what never does: one warning each', async () => {
    const { troubles, widths, loadedIn } = await open(true)
    expect(widths).toEqual([1, 0])
    expect(loadedIn).toBeLessThan(10_000)
    expect(requests(troubles)).toEqual([
      ['warning', 'allowed', `request off the machine (allowed): ${answering}/a.png`],
      [
        'warning',
        'left out',
        expect.stringMatching(new RegExp(`^request off the machine \\(allowed\\) got no answer \\(.*1500ms.*\\), left out: ${silent}/b\\.png$`)),
      ],
    ])
  })
})
