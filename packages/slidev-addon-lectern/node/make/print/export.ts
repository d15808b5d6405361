/**
 * `npm run export`: the slides PDF and the handouts, printed from a production build served on
 * 127.0.0.1 with one browser — no dev server. Each PDF has its own file name (node/make/print/handout.ts
 * `handoutName`), and the copies the site links to in dist/ are refreshed with them.
 *   lectern export [--only slides|handout|speaker …] [--layout 1|2|6 …] [--dark] [--out exports] [--entry slides.md] [--allow-remote]
 */
import type { Browser, Page } from 'playwright-chromium'
import type { Deck } from '../../deck/deck.ts'
import type { HandoutAudience, HandoutLayout } from './handout.ts'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { launchChromium } from '../../core/browser.ts'
import { ENTRY_OPTION, runCli, UsageError } from '../../core/cli.ts'
import { writeAtomic } from '../../core/pdf.ts'
import { serveStatic } from '../../core/serve.ts'
import { readDeck } from '../../deck/deck.ts'
import { withSiteUrl } from '../../deck/talk.ts'
import { slidevBuild } from '../../slidev/slidev.ts'
import { DEFAULT_HANDOUT_LAYOUT, HANDOUT_LAYOUTS, handoutName, printHandout } from './handout.ts'
import { openPrintPage, printSlides } from './slides-pdf.ts'

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
  /** Called once the slides PDF is written, before the handouts print (the build starts the reading view). */
  onSlidesPdf?: (file: string) => void
  /** Let the deck load remote assets, one warning per URL; default: blocked, and the export stops naming URL and slide. */
  allowRemote?: boolean
  /** Reads the print page, every slide drawn at its final click, before anything is printed (node/make/pages/prerender.ts). */
  inspect?: (page: Page) => Promise<void>
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
    const started = performance.now()
    const print = await openPrintPage({
      browser,
      siteUrl: server.url,
      deck,
      dark,
      allowRemote: options.allowRemote,
      warn: log,
    })
    try {
      await options.inspect?.(print.page)
      // The slides first: a handout moves the rendered slides into its own page frames.
      if (only.includes('slides')) {
        const slides = await printSlides(print.page, deck)
        cover = slides.cover
        const path = join(outDir, dark ? 'slides-dark.pdf' : 'slides.pdf')
        writeAtomic(path, slides.pdf)
        written.push(path)
        options.onSlidesPdf?.(path)
        log(`${path}  ${deck.slides.length} pages  ${kb(slides.pdf)}  ${seconds(started)}`)
      }
      // Each handout's PDF is finished (bookmarks, metadata) while the page prints the next.
      const handouts: Promise<void>[] = []
      for (const audience of ['attendee', 'speaker'] as const) {
        if (!only.includes(audience))
          continue
        for (const layout of layouts) {
          const since = performance.now()
          const { pdf } = await printHandout({
            page: print.page,
            deck,
            layout,
            audience,
          })
          const path = join(outDir, handoutName(audience, layout))
          const done = pdf.then((bytes) => {
            writeAtomic(path, bytes)
            log(`${path}  ${audience}, layout ${layout}  ${kb(bytes)}  ${seconds(since)}`)
          })
          done.catch(() => {}) // awaited below
          handouts.push(done)
          written.push(path)
        }
      }
      await Promise.all(handouts)
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

/** `lectern export` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern export',
    summary: 'Print the slides PDF and the handouts from a fresh production build of the deck (no dev server); refresh the copies the site in dist/ links to.',
    options: {
      'entry': ENTRY_OPTION,
      'out': {
        type: 'string',
        value: 'dir',
        help: 'where the PDFs go',
        default: 'exports',
      },
      'only': {
        type: 'string',
        value: 'slides|handout|speaker',
        multiple: true,
        help: 'print only these: the slides, the attendee handout, the speaker handout (default: all three)',
      },
      'layout': {
        type: 'string',
        value: '1|2|6',
        multiple: true,
        help: `handout slides per A4 page, each layout its own file (default: ${DEFAULT_HANDOUT_LAYOUT}); alone, prints only that attendee handout`,
      },
      'dark': { type: 'boolean', help: 'print the slides in dark mode (slides-dark.pdf) and nothing else' },
      'site': {
        type: 'string',
        value: 'dir',
        help: 'the built site whose copies of slides.pdf and handout.pdf are refreshed, when it exists (default: dist/ beside the entry, so another deck never overwrites this one\'s)',
      },
      'site-url': {
        type: 'string',
        value: 'url',
        help: 'where the site lives (QR code on the cover, the closing slide and the handout cover); default: the headmatter\'s siteUrl',
      },
      'allow-remote': { type: 'boolean', help: 'let a deck that loads remote assets export anyway, one warning per URL (default: offline)' },
    },
    run: async ({ values }) => {
      const layouts = (values.layout ?? [
        String(DEFAULT_HANDOUT_LAYOUT),
      ]).map(Number) as HandoutLayout[]
      const bad = values.layout?.find(l => !HANDOUT_LAYOUTS.includes(Number(l) as HandoutLayout))
      if (bad !== undefined)
        throw new UsageError(`--layout ${bad} is not a handout layout (choose ${HANDOUT_LAYOUTS.join(', ')})`)
      const unknown = values.only?.find(o => !TARGETS[o])
      if (unknown !== undefined)
        throw new UsageError(`--only ${unknown}: choose ${Object.keys(TARGETS).join(', ')}`)
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
          only: values.only?.map(o => TARGETS[o]) ?? (values.layout
            ? ['attendee']
            : undefined),
          dark: values.dark,
          allowRemote: values['allow-remote'],
          layouts,
        })
        for (const copy of refreshSiteCopies(files, values.site ?? join(dirname(values.entry ?? 'slides.md'), 'dist')))
          console.log(`${copy}  updated`)
      }
      finally {
        rmSync(siteDir, { recursive: true, force: true })
      }
    },
  }, argv)
}
