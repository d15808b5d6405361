import type { PrintedSlide } from './prerender.ts'
/**
 * `npm run build`: the hosted site in dist/ with no speaker notes, plus both PDFs printed from it
 * (also kept in exports/), a social preview image and a 404 fallback for static hosts.
 * The new site is assembled beside dist/ and swapped in only when complete.
 *   node tools/build.ts [--base /repo/] [--out dist] [--with-notes]
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs, promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { readDeck } from './deck.ts'
import { exportFromSite } from './export.ts'
import { capturePrinted, writeSlidePages } from './prerender.ts'
import { slidevBuild } from './slidev.ts'

export interface SiteOptions {
  out?: string
  base?: string
  withNotes?: boolean
  entry?: string
  exportsDir?: string
}

export const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** Slidev writes headmatter strings JSON-quoted into its meta tags; replace them with clean ones. */
export function socialMeta(html: string, meta: { title: string, description: string, author: string, keywords: string[], image: string }): string {
  const tags = [
    `<meta name="description" content="${escapeAttr(meta.description)}">`,
    `<meta name="author" content="${escapeAttr(meta.author)}">`,
    `<meta name="keywords" content="${escapeAttr(meta.keywords.join(','))}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeAttr(meta.title)}">`,
    `<meta property="og:description" content="${escapeAttr(meta.description)}">`,
    `<meta property="og:image" content="${escapeAttr(meta.image)}">`,
    `<meta property="og:locale" content="zh_CN">`,
    `<meta name="twitter:card" content="summary_large_image">`,
  ].join('\n')
  return html
    .replace(/<meta (?:name="(?:description|author|keywords)"|property="og:[^"]+"|name="twitter:[^"]+")[^>]*>\s*/g, '')
    .replace('</title>', `</title>\n${tags}\n`)
}

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|xml|map|wasm|ttf|otf)$/
const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/**
 * Writes `file.br` and `file.gz` for every text file of 1 KB or more under `dir`, so a server that
 * can send precompressed files (tools/serve.ts, most static hosts) does not compress on each request.
 * They go to `into` (same relative paths; default: beside the files) — the build writes them aside
 * while Chromium prints from the site, then moves them in. zlib works in its own threads.
 */
export async function compressFiles(dir: string, files: string[], into = dir): Promise<string[]> {
  const written = await Promise.all(files.map(async (file) => {
    const bytes = await readFile(file)
    if (bytes.length < 1024)
      return []
    const [br, gzipped] = await Promise.all([
      brotli(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
      gz(bytes, { level: 9 }),
    ])
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

export async function buildSite(options: SiteOptions = {}) {
  const out = resolve(options.out ?? 'dist')
  const base = options.base ?? '/'
  const staging = `${out}.tmp-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  try {
    const deck = await readDeck(options.entry)
    let started = performance.now()
    await slidevBuild({
      entry: options.entry,
      out: staging,
      base,
      withNotes: options.withNotes,
      quiet: true,
    })
    console.log(`site built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    started = performance.now()
    const index = join(staging, 'index.html')
    const aside = `${staging}.compressed`
    const compressing = compressFiles(staging, compressibleFiles(staging).filter(f => f !== index), aside)
    compressing.catch(() => {}) // awaited below; a failed export must not also report this
    let printed: PrintedSlide[] = []
    const exported = await exportFromSite({
      siteDir: staging,
      base,
      deck,
      outDir: options.exportsDir ?? 'exports',
      inspect: async (page) => {
        printed = await capturePrinted(page, readFileSync(index, 'utf8'))
      },
    })
    for (const file of exported.files)
      copyFileSync(file, join(staging, basename(file)))
    writeFileSync(join(staging, 'og-image.png'), exported.cover)
    const html = socialMeta(readFileSync(index, 'utf8'), {
      title: deck.title,
      description: deck.info,
      author: deck.author,
      keywords: deck.keywords,
      image: `${base}og-image.png`,
    })
    // Static hosts answer unknown paths with 404.html: the bare app there makes /presenter reloadable.
    writeFileSync(join(staging, '404.html'), html)
    // Every slide URL gets its own page (index.html is slide 1).
    const pages = writeSlidePages({
      siteDir: staging,
      base,
      deck,
      slides: printed,
      shell: html,
      downloads: exported.files.map(file => basename(file)).map(file => ({
        file,
        label: file.startsWith('handout')
          ? '讲义 PDF'
          : '幻灯片 PDF',
      })),
    })
    for (const file of await compressing)
      renameSync(file, join(staging, relative(aside, file)))
    rmSync(aside, { recursive: true, force: true })
    await compressFiles(staging, [
      ...pages,
      join(staging, '404.html'),
    ])
    console.log(`PDFs printed in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    if (existsSync(out))
      rmSync(out, { recursive: true, force: true })
    renameSync(staging, out)
    console.log(`${options.withNotes ? 'presenter copy (with notes)' : 'site (no speaker notes)'} → ${out}`)
  }
  catch (error) {
    rmSync(staging, { recursive: true, force: true })
    rmSync(`${staging}.compressed`, { recursive: true, force: true })
    throw error
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      'out': { type: 'string' },
      'base': { type: 'string' },
      'entry': { type: 'string' },
      'with-notes': { type: 'boolean', default: false },
    },
  })
  try {
    await buildSite({
      out: values.out,
      base: values.base,
      entry: values.entry,
      withNotes: values['with-notes'],
    })
  }
  catch (error) {
    console.error(error instanceof Error
      ? error.message
      : error)
    process.exitCode = 1
  }
}
