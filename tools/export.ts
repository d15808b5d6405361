/**
 * `npm run export`: the slides PDF and the handouts, printed from a production build served on
 * 127.0.0.1 with one browser — no dev server. Each PDF has its own file name (tools/handout.ts
 * `handoutName`), and the copies the site links to in dist/ are refreshed with them.
 *   node tools/export.ts [--only slides|handout|speaker …] [--layout 1|2|6 …] [--dark] [--out exports] [--entry slides.md]
 */
import type { Browser } from 'playwright-chromium'
import type { Deck } from './deck.ts'
import type { HandoutAudience, HandoutLayout } from './handout.ts'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { launchChromium } from './browser.ts'
import { readDeck } from './deck.ts'
import { DEFAULT_HANDOUT_LAYOUT, HANDOUT_LAYOUTS, handoutName, renderHandout } from './handout.ts'
import { writeAtomic } from './pdf.ts'
import { serveStatic } from './serve.ts'
import { openPrintPage, printSlides } from './slides-pdf.ts'
import { slidevBuild } from './slidev.ts'
import { withSiteUrl } from './talk.ts'

export type ExportTarget = 'slides' | HandoutAudience
const TARGETS: Record<string, ExportTarget> = { slides: 'slides', handout: 'attendee', speaker: 'speaker' }

/** The PDFs the hosted site links to (custom-nav-controls.vue, the reading view). The speaker handout is not one. */
export const SITE_PDFS = [
  'slides.pdf',
  handoutName('attendee'),
]

export interface ExportOptions {
  /** A built site (from `slidev build`). */
  siteDir: string
  base?: string
  outDir?: string
  /** What to print; default: the slides and both handouts. */
  only?: ExportTarget[]
  /** Slides in dark mode (`slides-dark.pdf`); handouts are not printed dark. */
  dark?: boolean
  /** Handout layouts, each to its own file (default: two slides a page). */
  layouts?: HandoutLayout[]
  deck?: Deck
  browser?: Browser
  log?: (line: string) => void
}

export interface ExportResult {
  files: string[]
  /** PNG of the cover slide, when the slides were printed. */
  cover?: Uint8Array
}

/** Prints the PDFs from a built site. */
export async function exportFromSite(options: ExportOptions): Promise<ExportResult> {
  const { siteDir, outDir = 'exports', dark = false, layouts = [DEFAULT_HANDOUT_LAYOUT], log = console.log } = options
  const only = dark
    ? ['slides']
    : options.only ?? ['slides', 'attendee', 'speaker']
  const deck = options.deck ?? await readDeck()
  const server = await serveStatic(siteDir, { base: options.base })
  const browser = options.browser ?? await launchChromium()
  const written: string[] = []
  let cover: Uint8Array | undefined
  try {
    let started = performance.now()
    const print = await openPrintPage({
      browser,
      siteUrl: server.url,
      deck,
      dark,
    })
    try {
      // The slides first: a handout moves the rendered slides into its own page frames.
      if (only.includes('slides')) {
        const slides = await printSlides(print.page, deck)
        cover = slides.cover
        const path = join(outDir, dark ? 'slides-dark.pdf' : 'slides.pdf')
        writeAtomic(path, slides.pdf)
        written.push(path)
        log(`${path}  ${deck.slides.length} pages  ${kb(slides.pdf)}  ${seconds(started)}`)
      }
      for (const audience of ['attendee', 'speaker'] as const) {
        if (!only.includes(audience))
          continue
        for (const layout of layouts) {
          started = performance.now()
          const bytes = await renderHandout({
            page: print.page,
            deck,
            layout,
            audience,
          })
          const path = join(outDir, handoutName(audience, layout))
          writeAtomic(path, bytes)
          written.push(path)
          log(`${path}  ${audience}, layout ${layout}  ${kb(bytes)}  ${seconds(started)}`)
        }
      }
    }
    finally {
      await print.close()
    }
    return { files: written, cover }
  }
  finally {
    if (!options.browser)
      await browser.close()
    await server.close()
  }
}

/** Refreshes the site's copies (`dist/slides.pdf` …) of the PDFs just written, so the site links to them. */
export function refreshSiteCopies(files: string[], siteDir: string): string[] {
  if (!existsSync(join(siteDir, 'index.html')))
    return []
  return files.filter(f => SITE_PDFS.includes(basename(f))).map((file) => {
    const copy = join(siteDir, basename(file))
    writeAtomic(copy, readFileSync(file))
    return copy
  })
}

function kb(bytes: Uint8Array) {
  return `${(bytes.length / 1024).toFixed(0)} KB`
}

function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'Usage: node tools/export.ts [--only slides|handout|speaker …] [--layout 1|2|6 …] [--dark] [--out exports] [--site dist] [--site-url <url>] [--entry slides.md]'
  const { values } = parseArgs({
    options: {
      'only': { type: 'string', multiple: true },
      'layout': { type: 'string', multiple: true },
      'dark': { type: 'boolean', default: false },
      'out': { type: 'string', default: 'exports' },
      'site': { type: 'string', default: 'dist' },
      'site-url': { type: 'string' },
      'entry': { type: 'string', default: 'slides.md' },
    },
  })
  const layouts = (values.layout ?? [
    String(DEFAULT_HANDOUT_LAYOUT),
  ]).map(Number) as HandoutLayout[]
  const only = values.only?.map(o => TARGETS[o])
  if (layouts.some(l => !HANDOUT_LAYOUTS.includes(l)) || only?.includes(undefined as never)) {
    console.error(usage)
    process.exit(2)
  }
  const siteDir = mkdtempSync(join(tmpdir(), 'deck-export-'))
  try {
    const deck = withSiteUrl(await readDeck(values.entry), values['site-url'])
    await slidevBuild({
      entry: values.entry,
      out: siteDir,
      quiet: true,
      siteUrl: deck.talk.siteUrl,
    })
    const { files } = await exportFromSite({
      siteDir,
      deck,
      outDir: values.out,
      // `--layout N` alone prints that attendee handout and nothing else.
      only: only ?? (values.layout
        ? ['attendee']
        : undefined),
      dark: values.dark,
      layouts,
    })
    for (const copy of refreshSiteCopies(files, values.site))
      console.log(`${copy}  updated`)
  }
  catch (error) {
    console.error(error instanceof Error
      ? error.message
      : error)
    process.exitCode = 1
  }
  finally {
    rmSync(siteDir, { recursive: true, force: true })
  }
}
