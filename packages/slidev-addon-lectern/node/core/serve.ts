/**
 * Serve a built deck on 127.0.0.1 the way GitHub Pages does: `/12` and `/12/` find the slide's own
 * page (`12.html`, node/make/pages/prerender.ts), any other path gets `404.html` (the bare app, so /presenter
 * reloads), or index.html in a site without one (a plain `slidev build`). Files that the build precompressed
 * (`x.js.br`, `x.js.gz`, node/make/build.ts) are sent compressed to a browser that accepts it, as a static host would.
 *   lectern serve [dir=dist] [--port 3030] [--base /x/]
 */
import type { AddressInfo } from 'node:net'
import { existsSync } from 'node:fs'
import http from 'node:http'
import { resolve } from 'node:path'
import sirv from 'sirv'
import { runCli, UsageError } from './cli.ts'

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

export async function serveStatic(dir: string, options: { port?: number, base?: string } = {}): Promise<StaticServer> {
  const root = resolve(dir)
  if (!existsSync(resolve(root, 'index.html')))
    throw new Error(`${root}/index.html not found — build the site first: npm run build`)
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
  const assets = sirv(root, {
    single: existsSync(resolve(root, '404.html'))
      ? '404.html'
      : true,
    dev: false,
    etag: true,
    brotli: true,
    gzip: true,
  })
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(base) && `${url}/` !== base) {
      res.statusCode = 404
      res.end('not under base')
      return
    }
    req.url = `/${url.slice(base.length)}`
    assets(req, res, () => {
      res.statusCode = 404
      res.end()
    })
  })
  await new Promise<void>(done => server.listen(options.port ?? 0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise(done => server.close(() => done())),
  }
}

/** `lectern serve` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern serve',
    summary: 'Serve a built deck on 127.0.0.1 as a static host would (any slide URL returns the app).',
    positionals: '[dir=dist]',
    options: {
      port: {
        type: 'string',
        value: 'n',
        help: 'port to listen on (0: any free port)',
        default: '3030',
      },
      base: {
        type: 'string',
        value: 'path',
        help: 'the sub-path the site was built for, e.g. /repo/',
        default: '/',
      },
    },
    run: async ({ values, positionals }) => {
      const port = Number(values.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port ${values.port} is not a port number`)
      const dir = positionals[0] ?? 'dist'
      const server = await serveStatic(dir, { port, base: values.base })
      console.log(`serving ${dir} at ${server.url}`)
    },
  }, argv)
}
