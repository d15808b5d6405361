/**
 * `npm run build`: the hosted site in dist/ with no speaker notes, plus both PDFs printed from it
 * (also kept in exports/), a social preview image and a 404 fallback for static hosts.
 * The new site is assembled beside dist/ and swapped in only when complete.
 *   node tools/build.ts [--base /repo/] [--out dist] [--with-notes]
 */
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { readDeck } from './deck.ts'
import { exportFromSite } from './export.ts'
import { slidevBuild } from './slidev.ts'

export interface SiteOptions {
  out?: string
  base?: string
  withNotes?: boolean
  entry?: string
  exportsDir?: string
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

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

export async function buildSite(options: SiteOptions = {}) {
  const out = resolve(options.out ?? 'dist')
  const base = options.base ?? '/'
  const staging = `${out}.tmp-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  try {
    const deck = await readDeck(options.entry)
    let started = performance.now()
    await slidevBuild({ entry: options.entry, out: staging, base, withNotes: options.withNotes, quiet: true })
    console.log(`site built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    started = performance.now()
    const exported = await exportFromSite({ siteDir: staging, base, deck, outDir: options.exportsDir ?? 'exports' })
    for (const file of exported.files)
      copyFileSync(file, join(staging, basename(file)))
    writeFileSync(join(staging, 'og-image.png'), exported.cover)
    const index = join(staging, 'index.html')
    const html = socialMeta(readFileSync(index, 'utf8'), {
      title: deck.title,
      description: deck.info,
      author: deck.author,
      keywords: deck.keywords,
      image: `${base}og-image.png`,
    })
    writeFileSync(index, html)
    // Static hosts answer unknown paths with 404.html: serving the app there makes /12 reloadable.
    writeFileSync(join(staging, '404.html'), html)
    console.log(`PDFs printed in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    if (existsSync(out))
      rmSync(out, { recursive: true, force: true })
    renameSync(staging, out)
    console.log(`${options.withNotes ? 'presenter copy (with notes)' : 'site (no speaker notes)'} → ${out}`)
  }
  catch (error) {
    rmSync(staging, { recursive: true, force: true })
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
    await buildSite({ out: values.out, base: values.base, entry: values.entry, withNotes: values['with-notes'] })
  }
  catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
