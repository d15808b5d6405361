/**
 * `npm run export`: the slides PDF and the handout, printed from a production build served on
 * 127.0.0.1 with one browser — no dev server.
 *   node tools/export.ts [--only slides|handout] [--layout 1|2|6 …] [--dark] [--out exports] [--entry slides.md]
 */
import type { Browser } from 'playwright-chromium'
import type { Deck } from './deck.ts'
import type { HandoutLayout } from './handout.ts'
import type { SlidesPdfOptions } from './slides-pdf.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { launchChromium } from './browser.ts'
import { readDeck } from './deck.ts'
import { HANDOUT_LAYOUTS, renderHandout } from './handout.ts'
import { writeAtomic } from './pdf.ts'
import { serveStatic } from './serve.ts'
import { renderSlidesPdf } from './slides-pdf.ts'
import { slidevBuild } from './slidev.ts'

export interface ExportOptions {
  /** A built site (from `slidev build`). */
  siteDir: string
  base?: string
  outDir?: string
  only?: 'slides' | 'handout'
  dark?: boolean
  layouts?: HandoutLayout[]
  deck?: Deck
  browser?: Browser
  /** Reads the print page the slides PDF is printed from (see tools/slides-pdf.ts). */
  inspect?: SlidesPdfOptions['inspect']
  log?: (line: string) => void
}

export function handoutName(layout: HandoutLayout) {
  return layout === 1
    ? 'handout.pdf'
    : `handout-${layout}up.pdf`
}

export interface ExportResult {
  files: string[]
  /** PNG of the cover slide. */
  cover: Uint8Array
}

/** Prints the PDFs from a built site. */
export async function exportFromSite(options: ExportOptions): Promise<ExportResult> {
  const { siteDir, outDir = 'exports', only, dark = false, layouts = [1], log = console.log } = options
  const deck = options.deck ?? await readDeck()
  const server = await serveStatic(siteDir, { base: options.base })
  const browser = options.browser ?? await launchChromium()
  const written: string[] = []
  try {
    let started = performance.now()
    const { pdf: slidesPdf, cover } = await renderSlidesPdf({
      browser,
      siteUrl: server.url,
      deck,
      dark,
      inspect: options.inspect,
    })
    if (only !== 'handout') {
      const path = join(outDir, dark ? 'slides-dark.pdf' : 'slides.pdf')
      writeAtomic(path, slidesPdf)
      written.push(path)
      log(`${path}  ${deck.slides.length} pages  ${kb(slidesPdf)}  ${seconds(started)}`)
    }
    if (only !== 'slides') {
      for (const layout of layouts) {
        started = performance.now()
        const bytes = await renderHandout({
          browser,
          deck,
          slidesPdf,
          layout,
          origin: server.url,
        })
        const path = join(outDir, handoutName(layout))
        writeAtomic(path, bytes)
        written.push(path)
        log(`${path}  layout ${layout}  ${kb(bytes)}  ${seconds(started)}`)
      }
    }
    return { files: written, cover }
  }
  finally {
    if (!options.browser)
      await browser.close()
    await server.close()
  }
}

function kb(bytes: Uint8Array) {
  return `${(bytes.length / 1024).toFixed(0)} KB`
}

function seconds(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      layout: { type: 'string', multiple: true },
      dark: { type: 'boolean', default: false },
      out: { type: 'string', default: 'exports' },
      entry: { type: 'string', default: 'slides.md' },
    },
  })
  const layouts = (values.layout ?? ['1']).map(Number) as HandoutLayout[]
  const bad = layouts.find(l => !HANDOUT_LAYOUTS.includes(l))
  if (bad !== undefined || (values.only && !['slides', 'handout'].includes(values.only))) {
    console.error('Usage: node tools/export.ts [--only slides|handout] [--layout 1|2|6 …] [--dark] [--out exports] [--entry slides.md]')
    process.exit(2)
  }
  const siteDir = mkdtempSync(join(tmpdir(), 'deck-export-'))
  try {
    const deck = await readDeck(values.entry)
    await slidevBuild({ entry: values.entry, out: siteDir, quiet: true })
    await exportFromSite({
      siteDir,
      deck,
      outDir: values.out,
      only: values.only as ExportOptions['only'],
      dark: values.dark,
      layouts,
    })
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
