/**
 * `npm run build`: the hosted site in dist/ with no speaker notes, plus the PDFs printed from it (kept in
 * exports/; the slides and the attendee handout also in dist/), the reading view for phones (read/),
 * a social preview image and a 404 fallback for static hosts.
 * The new site is assembled beside dist/ and swapped in only when complete.
 *   lectern build [--entry slides.md] [--base /repo/] [--site-url https://host/repo/] [--out dist] [--with-notes] [--allow-remote]
 */
import type { Buffer } from 'node:buffer'
import type { Browser } from 'playwright-chromium'
import type { PrintedSlide } from './pages/prerender.ts'
import type { ReadingViewResult } from './pages/reading.ts'
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { parse as parseYaml } from 'yaml'
import { messages } from '../../shared/messages.ts'
import { launchChromium } from '../core/browser.ts'
import { cached, hashOf, pruneCache } from '../core/cache.ts'
import { ENTRY_OPTION, runCli } from '../core/cli.ts'
import { normalizeSiteUrl, readDeck } from '../deck/deck.ts'
import { withSiteUrl } from '../deck/talk.ts'
import { slidevBuild } from '../slidev/slidev.ts'
import { socialMeta } from './pages/meta.ts'
import { capturePrinted, pageFonts, writeSlidePages } from './pages/prerender.ts'
import { writeReadingView } from './pages/reading.ts'
import { writeContactSheet } from './print/contact-sheet.ts'
import { exportFromSite, SITE_PDFS } from './print/export.ts'

export interface SiteOptions {
  out?: string
  base?: string
  withNotes?: boolean
  entry?: string
  exportsDir?: string
  /** The site's public URL (absolute, e.g. https://talks.example.org/virt/): QR codes and absolute link previews. Default: the headmatter's `siteUrl`. */
  siteUrl?: string
  /** Let the deck load remote assets when printing (one warning per URL); default: offline. */
  allowRemote?: boolean
}

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|xml|map|wasm|ttf|otf)$/
const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

export interface CompressOptions {
  /** Where the compressed files go (same relative paths); default: beside the files. */
  into?: string
  brotliQuality?: number
  /** Reuse what an earlier build compressed (node/core/cache.ts), by content. */
  cacheDir?: string
}

/**
 * Writes `file.br` and `file.gz` for every text file of 1 KB or more under `dir`, so a server that
 * can send precompressed files (node/core/serve.ts, most static hosts) does not compress on each request.
 * The build writes them aside while Chromium prints from the site, then moves them in. zlib works in
 * its own threads; files with the same bytes (a slide's N.html and N/index.html) are compressed once.
 */
export async function compressFiles(dir: string, files: string[], options: CompressOptions = {}): Promise<string[]> {
  const { into = dir, brotliQuality = 11, cacheDir } = options
  const byContent = new Map<string, Promise<[Uint8Array, Uint8Array]>>()
  const compress = (bytes: Buffer) => {
    const key = hashOf(bytes, `br${brotliQuality}`)
    const make = (extension: string, run: () => Promise<Uint8Array>) => cacheDir
      ? cached(cacheDir, `${key}.${extension}`, run)
      : run()
    if (!byContent.has(key)) {
      byContent.set(key, Promise.all([
        make('br', () => brotli(bytes, {
          params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        })),
        make('gz', () => gz(bytes, { level: 9 })),
      ]))
    }
    return byContent.get(key)!
  }
  const written = await Promise.all(files.map(async (file) => {
    const bytes = await readFile(file)
    if (bytes.length < 1024)
      return []
    const [br, gzipped] = await compress(bytes)
    const target = join(into, relative(dir, file))
    await mkdir(dirname(target), { recursive: true })
    await Promise.all([
      writeFile(`${target}.br`, br),
      writeFile(`${target}.gz`, gzipped),
    ])
    return [`${target}.br`, `${target}.gz`]
  }))
  return written.flat()
}

export function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map(entry => join(entry.parentPath, entry.name))
}

/** The `siteUrl` the deck's headmatter sets ('' when none): read before Vite starts, which needs the base. */
function headmatterSiteUrl(entry = 'slides.md'): string {
  const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(entry, 'utf8'))?.[1] ?? ''
  const value = (parseYaml(head) as Record<string, unknown> | null)?.siteUrl
  return normalizeSiteUrl(typeof value === 'string'
    ? value
    : '')
}

/**
 * The base path of the site: `--base` when given, else the site URL's path (https://host/virt/ → /virt/), so a
 * site deployed where its URL says finds its assets. A `--base` that disagrees with the URL is used, with a warning.
 */
export function siteBase(siteUrl: string, base?: string): string {
  const path = siteUrl
    ? new URL(siteUrl).pathname.replace(/\/?$/, '/')
    : '/'
  if (base === undefined) {
    if (path !== '/')
      console.log(`base ${path} (the site URL's path)`)
    return path
  }
  if (siteUrl && base.replace(/\/?$/, '/') !== path)
    console.warn(`warning: --base ${base} differs from the site URL's path ${path} (${siteUrl}): assets, links and QR codes will not agree once deployed — drop --base or make them match`)
  return base
}

export async function buildSite(options: SiteOptions = {}) {
  const out = resolve(options.out ?? 'dist')
  const base = siteBase(normalizeSiteUrl(options.siteUrl ?? '') || headmatterSiteUrl(options.entry), options.base)
  const staging = `${out}.tmp-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  let launching: Promise<Browser> | undefined
  let building: Promise<void> | undefined
  // Work that writes into the staging folder while the PDFs print: all settled before a failure removes it.
  const background: Promise<unknown>[] = []
  try {
    let started = performance.now()
    // Vite first (it reads the site URL from the headmatter itself); the deck is read and Chromium
    // starts meanwhile, on the other core.
    building = slidevBuild({
      entry: options.entry,
      out: staging,
      base,
      withNotes: options.withNotes,
      quiet: true,
      siteUrl: options.siteUrl,
    })
    building.catch(() => {}) // awaited below
    launching = launchChromium()
    launching.catch(() => {})
    const deck = withSiteUrl(await readDeck(options.entry), options.siteUrl)
    const root = dirname(resolve(options.entry ?? 'slides.md'))
    await building
    console.log(`site built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    started = performance.now()
    const index = join(staging, 'index.html')
    const aside = `${staging}.compressed`
    // Reused by the next build (node/core/cache.ts), pruned at the end of this one.
    const compressCache = join(root, 'node_modules/.cache/deck-compressed')
    const pageFontCache = join(root, 'node_modules/.cache/deck-fonts/pages')
    // index.html and 404.html are written again below (writePages), and compressed then.
    const shells = [
      index,
      join(staging, '404.html'),
    ]
    const compressing = compressFiles(staging, compressibleFiles(staging).filter(f => !shells.includes(f)), { into: aside, cacheDir: compressCache })
    compressing.catch(() => {}) // awaited below; a failed export must not also report this
    background.push(compressing)
    const html = socialMeta(readFileSync(index, 'utf8'), {
      title: deck.title,
      description: deck.infoText,
      author: deck.talk.speaker,
      keywords: deck.keywords,
      base,
      siteUrl: deck.talk.siteUrl,
    })
    const exportsDir = options.exportsDir ?? 'exports'
    /** Every slide URL gets its own page (index.html is slide 1's); 404.html is the bare app, so /presenter reloads. */
    const writePages = async (printed: PrintedSlide[]) => {
      const fontCss = await pageFonts(printed, staging, base, pageFontCache)
      writeFileSync(join(staging, '404.html'), html)
      const written = writeSlidePages({
        siteDir: staging,
        base,
        deck,
        slides: printed,
        fontCss,
        shell: html,
        downloads: SITE_PDFS.map(file => ({
          file,
          label: file.startsWith('handout')
            ? messages(deck.lang).handoutPdf
            : messages(deck.lang).slidesPdf,
        })),
      })
      // Brotli 5, not 11: a page a slide, mostly inlined fonts that do not compress — 3 % more bytes, a
      // twentieth of the time.
      return compressFiles(staging, [
        ...written,
        join(staging, '404.html'),
      ], { brotliQuality: 5, cacheDir: compressCache })
    }
    // While Chromium prints: the pages a slide (from the print page as the PDFs see it), the reading
    // view and the contact sheet (both drawn from the slides PDF), each awaited below.
    let pages: Promise<string[]> | undefined
    let reading: Promise<ReadingViewResult> | undefined
    let sheet: Promise<number> | undefined
    const browser = await launching
    try {
      const exported = await exportFromSite({
        siteDir: staging,
        base,
        deck,
        browser,
        outDir: exportsDir,
        inspect: async (page) => {
          const printed = await capturePrinted(page, html, deck.lang)
          pages = writePages(printed)
          pages.catch(() => {})
          background.push(pages)
        },
        onSlidesPdf: (slidesPdf) => {
          reading = writeReadingView({
            siteDir: staging,
            base,
            deck,
            slidesPdf,
            root,
          })
          reading.catch(() => {})
          background.push(reading)
          // All slides at a glance (README, authors).
          sheet = writeContactSheet({
            pdf: slidesPdf,
            out: join(exportsDir, 'overview.png'),
            browser,
          })
          sheet.catch(() => {})
          background.push(sheet)
        },
        allowRemote: options.allowRemote,
      })
      // The site links to the slides and the attendee handout; the speaker handout stays in exports/.
      for (const file of exported.files.filter(f => SITE_PDFS.includes(basename(f))))
        copyFileSync(file, join(staging, basename(file)))
      writeFileSync(join(staging, 'og-image.png'), exported.cover!)
      await sheet
    }
    finally {
      await browser.close()
    }
    const view = await reading!
    if (view.uncovered.length)
      console.warn(`reading view: Deck Sans lacks ${view.uncovered.join('')} — they fall back to a system font; is the text in slides/, layouts/ or node/make/pages/reading.ts?`)
    await pages
    for (const file of await compressing)
      renameSync(file, join(staging, relative(aside, file)))
    rmSync(aside, { recursive: true, force: true })
    await compressFiles(staging, [view.file], { cacheDir: compressCache })
    pruneCache(compressCache)
    pruneCache(pageFontCache)
    console.log(`PDFs printed in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    if (existsSync(out))
      rmSync(out, { recursive: true, force: true })
    renameSync(staging, out)
    console.log(`${options.withNotes ? 'presenter copy (with notes)' : 'site (no speaker notes)'} → ${out}`)
  }
  catch (error) {
    // Nothing may still write into the staging folder when it is removed.
    await building?.catch(() => {})
    await launching?.then(browser => browser.close(), () => {})
    // Compressing, the slide pages, the reading view and the contact sheet may still be writing.
    await Promise.allSettled(background)
    rmSync(staging, { recursive: true, force: true })
    rmSync(`${staging}.compressed`, { recursive: true, force: true })
    throw error
  }
}

/** `lectern build` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern build',
    summary: 'Build the hosted site (no speaker notes) with its reading view, and print the slides PDF and both handouts from it.',
    options: {
      'entry': ENTRY_OPTION,
      'out': {
        type: 'string',
        value: 'dir',
        help: 'where the site goes',
        default: 'dist',
      },
      'base': {
        type: 'string',
        value: 'path',
        help: 'the sub-path the site is served under, e.g. /repo/ (default: the site URL\'s path, else /)',
      },
      'with-notes': { type: 'boolean', help: 'keep speaker notes in the site (the presenter copy; keep it private)' },
      'site-url': {
        type: 'string',
        value: 'url',
        help: 'where the site will live, e.g. https://talks.example.org/virt/: QR codes, absolute link previews (default: the headmatter\'s siteUrl)',
      },
      'allow-remote': { type: 'boolean', help: 'let a deck that loads remote assets print anyway, one warning per URL (default: offline)' },
    },
    run: async ({ values }) => {
      await buildSite({
        out: values.out,
        base: values.base,
        entry: values.entry,
        withNotes: values['with-notes'],
        siteUrl: values['site-url'],
        allowRemote: values['allow-remote'],
      })
    },
  }, argv)
}
