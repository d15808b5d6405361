/**
 * Runs Slidev's build for any deck (on the Node running this script), in a child process so its memory goes
 * when it is done. Slidev compiles its print route (which node/make/print/export.ts prints from) into a build only when it
 * would also export a PDF itself; `keepPrintRoute` keeps the route without that second export, for a deck in
 * any folder, with or without a vite.config.ts of its own.
 */
import type { Plugin } from 'vite'
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { SLIDEV_SOURCES } from '../../shared/slidev-internals.ts'
import { DECK_ENTRY_ENV, SITE_URL_ENV } from '../deck/talk.ts'

const require = createRequire(import.meta.url)
const SLIDEV_CLI = dirname(require.resolve('@slidev/cli/package.json'))
export const SLIDEV_BIN = join(SLIDEV_CLI, 'bin/slidev.mjs')
/** Compiled code of the tool's own dependencies, so it lives in the node_modules they come from (not the deck's folder). */
const COMPILE_CACHE = join(SLIDEV_CLI, '../../.cache/node-compile')

/** Slidev's build function: not exported by @slidev/cli, so found by its chunk name (shared/slidev-internals.ts). */
export function slidevBuildModule(): string {
  const dir = join(SLIDEV_CLI, 'dist')
  const chunk = readdirSync(dir).find(f => SLIDEV_SOURCES.buildChunk.test(f))
  if (!chunk)
    throw new Error(`Slidev's build chunk (${SLIDEV_SOURCES.buildChunk}) is not in ${dir} — Slidev changed: update shared/slidev-internals.ts`)
  return join(dir, chunk)
}

export function keepPrintRoute(): Plugin {
  return {
    name: 'deck:keep-print-route',
    enforce: 'post',
    config(config) {
      config.define = { ...config.define, [SLIDEV_SOURCES.printFeatureFlag]: 'true' }
    },
  }
}

export interface SiteBuildOptions {
  entry?: string
  out: string
  base?: string
  /** Keep speaker notes in the bundle (the presenter copy). Off for the hosted site. */
  withNotes?: boolean
  quiet?: boolean
  /** The hosted site's URL, for the QR code and the links (node/deck/talk.ts); '' keeps the headmatter's. */
  siteUrl?: string
}

/** npm packages `virtual:deck-fonts.css` (Deck Sans) is cut from: without them Chinese falls back to whatever the machine has. */
export const FONT_PACKAGES = ['@fontsource/noto-sans-sc', '@fontsource/noto-sans', '@fontsource/jetbrains-mono']

export function checkFontPackages(names = FONT_PACKAGES) {
  for (const name of names) {
    try {
      require.resolve(`${name}/package.json`)
    }
    catch {
      throw new Error(`Font package ${name} is missing — run npm ci (or npm install ${name})`)
    }
  }
}

export function slidevBuild(options: SiteBuildOptions): Promise<void> {
  const job = {
    ...options,
    out: resolve(options.out),
  }
  const script = `import { buildInThisProcess } from ${JSON.stringify(import.meta.url)}
await buildInThisProcess(${JSON.stringify(job)})`
  return run(['--input-type=module', '-e', script], options.quiet, 'slidev build')
}

/** What `slidev build <entry> --out <out> [--base] [--without-notes]` does, plus the print route. */
export async function buildInThisProcess(options: SiteBuildOptions): Promise<void> {
  const { resolveOptions } = await import('@slidev/cli')
  const { build } = await import(pathToFileURL(slidevBuildModule()).href) as { build: (options: unknown, vite: object, args: object) => Promise<void> }
  const entry = options.entry ?? 'slides.md'
  // virtual:deck-talk (node/deck/talk.ts) reads the deck and the site URL from here.
  process.env[DECK_ENTRY_ENV] = resolve(entry)
  if (options.siteUrl)
    process.env[SITE_URL_ENV] = options.siteUrl
  const resolved = await resolveOptions({ entry, base: options.base, withoutNotes: !options.withNotes }, 'build')
  await build(resolved, {
    base: options.base,
    build: { outDir: options.out },
    plugins: [
      keepPrintRoute(),
    ],
  }, { entry })
}

export function run(args: string[], quiet = false, what = `slidev ${args[1]}`): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      // Node keeps the compiled code of Slidev, Vite, UnoCSS … for the next build (~0.4 s of CPU, measured).
      env: { NODE_COMPILE_CACHE: COMPILE_CACHE, ...process.env },
      stdio: quiet
        ? ['ignore', 'ignore', 'pipe']
        : 'inherit',
    })
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', code => code === 0
      ? resolve()
      : reject(new Error(`${what} failed (exit ${code})${stderr
          ? `:\n${stderr.trim().split('\n').slice(-15).join('\n')}`
          : ''}`)))
  })
}
