import type { Buffer } from 'node:buffer'
/**
 * The deck's own Chinese font: Noto Sans SC cut down, at build time, to the characters the deck uses.
 *
 * @fontsource ships Noto Sans SC as ~100 unicode-range slices a weight (a visitor downloads every
 * slice that holds one character of a slide, 30–50 KB each). We keep those slices' boundaries but
 * subset each one (HarfBuzz, via `subset-font`) to the characters that slides, components, models
 * and data use, and declare them as the family 'Deck Sans' with exact unicode-ranges. The full
 * 'Noto Sans SC' stays next in the font stack, so a character added later still renders.
 * HarfBuzz keeps the name table, so PDFs still name the font NotoSansSC-….
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { cached, hashOf } from '../core/cache.ts'
import { runCli } from '../core/cli.ts'
import { KIT_ROOT } from '../core/kit.ts'

export type Range = [start: number, end: number]

export interface SourceFace {
  weight: number
  /** Absolute path of the slice's woff2 file. */
  file: string
  ranges: Range[]
}

export interface PlannedFace {
  face: SourceFace
  /** The deck's code points inside this slice, ascending. */
  codePoints: number[]
}

export interface SubsetResult {
  /** @font-face rules for the family, with url()s relative to `cssFile`. */
  cssFile: string
  files: string[]
  bytes: number
  codePoints: number
}

const require = createRequire(import.meta.url)
// subset-font ships no types: the one call we make, typed here.
const subsetFont: (font: Buffer, text: string, options: { targetFormat: 'woff2' | 'woff' | 'sfnt' }) => Promise<Buffer> = require('subset-font')

/** Where the deck's text lives: everything that can put a character on a slide. */
export const TEXT_SOURCES: { dir: string, ext: RegExp }[] = [
  { dir: '.', ext: /^slides\.md$/ },
  { dir: 'slides', ext: /\.md$/ },
  { dir: 'components', ext: /\.vue$/ },
  { dir: 'layouts', ext: /\.vue$/ },
  { dir: 'data', ext: /\.ts$/ },
  { dir: 'models', ext: /\.ts$/ },
  { dir: 'composables', ext: /\.ts$/ },
]

/** The kit's own words on the deck's pages, under KIT_ROOT. */
export const KIT_TEXT_SOURCES: { dir: string, ext: RegExp }[] = [
  // The prerendered pages' link bar (上一页, 下一页, 讲义 …) and the reading view's own words (read/ in the site).
  { dir: 'node/make/pages', ext: /^(?:prerender|reading)\.ts$/ },
  // The play view's banner, the navigation bar's links, the pacing panel and the models' reset button.
  { dir: '.', ext: /^(?:global-(?:top|bottom)|custom-nav-controls)\.vue$/ },
  { dir: 'components', ext: /\.vue$/ },
  { dir: 'client', ext: /\.ts$/ },
  // The kit's words in every language it speaks (handout, reading view, slide pages, banners).
  { dir: 'shared', ext: /^messages\.ts$/ },
]

/** 'U+4e00-4e02,U+3002' → [[0x4e00, 0x4e02], [0x3002, 0x3002]] */
export function parseUnicodeRange(text: string): Range[] {
  return text.split(',').map(s => s.trim()).filter(Boolean).map((part) => {
    const m = part.match(/^U\+([0-9a-f?]+)(?:-([0-9a-f]+))?$/i)
    if (!m)
      throw new Error(`unicode-range: cannot read "${part}"`)
    if (m[1].includes('?')) {
      return [
        Number.parseInt(m[1].replace(/\?/g, '0'), 16),
        Number.parseInt(m[1].replace(/\?/g, 'f'), 16),
      ] as Range
    }
    const start = Number.parseInt(m[1], 16)
    return [
      start,
      m[2]
        ? Number.parseInt(m[2], 16)
        : start,
    ] as Range
  })
}

/** Code points, ascending, as the shortest unicode-range list: [0x41,0x42,0x43,0x4e00] → 'U+41-43,U+4e00'. */
export function formatUnicodeRange(codePoints: Iterable<number>): string {
  const sorted = [
    ...new Set(codePoints),
  ].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]
    while (sorted[i + 1] === sorted[i] + 1) i++
    parts.push(start === sorted[i]
      ? `U+${start.toString(16)}`
      : `U+${start.toString(16)}-${sorted[i].toString(16)}`)
  }
  return parts.join(',')
}

/** The @font-face rules of a fontsource CSS file (e.g. @fontsource/noto-sans-sc/400.css). */
export function parseFontFaces(css: string, cssDir: string): SourceFace[] {
  const faces: SourceFace[] = []
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = block[1]
    const src = body.match(/url\(([^)]+\.woff2)\)/)?.[1].replace(/^['"]|['"]$/g, '')
    const weight = Number(body.match(/font-weight: *(\d+)/)?.[1] ?? 400)
    const range = body.match(/unicode-range:([^;]+);/)?.[1]?.trim()
    if (!src)
      continue
    faces.push({
      weight,
      file: resolve(cssDir, src),
      ranges: range
        ? parseUnicodeRange(range)
        : [
            [0, 0x10FFFF],
          ],
    })
  }
  return faces
}

/** Every code point in the texts, with printable ASCII always in (numbers that components compute). */
export function codePointsOf(texts: Iterable<string>): Set<number> {
  const set = new Set<number>()
  for (let c = 0x20; c < 0x7F; c++) set.add(c)
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!
      if (cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0))
        set.add(cp)
    }
  }
  return set
}

/** Each slice that holds some of the code points, with those code points (a code point goes to the first slice that has it, as a browser would pick). */
export function planSubsets(codePoints: Iterable<number>, faces: SourceFace[]): PlannedFace[] {
  const taken = new Set<number>()
  const plan: PlannedFace[] = []
  const wanted = [
    ...new Set(codePoints),
  ].sort((a, b) => a - b)
  for (const face of faces) {
    const inFace = wanted.filter(cp => !taken.has(cp) && face.ranges.some(([a, b]) => cp >= a && cp <= b))
    if (!inFace.length)
      continue
    inFace.forEach(cp => taken.add(cp))
    plan.push({ face, codePoints: inFace })
  }
  return plan
}

export function fontFaceCss(family: string, faces: { weight: number, url: string, codePoints: number[] }[]): string {
  return faces.map(f => `@font-face {
  font-family: '${family}';
  font-style: normal;
  font-display: swap;
  font-weight: ${f.weight};
  src: url(${f.url}) format('woff2');
  unicode-range: ${formatUnicodeRange(f.codePoints)};
}
`).join('\n')
}

/** The deck's texts, read from TEXT_SOURCES under root and KIT_TEXT_SOURCES in the kit (tests excluded). */
export function deckTexts(root: string): string[] {
  const texts: string[] = []
  for (const { dir, ext, base } of [
    ...TEXT_SOURCES.map(s => ({ ...s, base: root })),
    ...KIT_TEXT_SOURCES.map(s => ({ ...s, base: KIT_ROOT })),
  ]) {
    const abs = join(base, dir)
    if (!existsSync(abs))
      continue
    for (const name of readdirSync(abs).sort()) {
      if (ext.test(name) && !name.includes('.test.'))
        texts.push(readFileSync(join(abs, name), 'utf8'))
    }
  }
  return texts
}

export interface SubsetOptions {
  /** Project root (where slides.md is). */
  root: string
  family?: string
  weights?: number[]
  /** Cache folder; each character set gets its own sub-folder, reused by the next build. */
  cacheDir?: string
  /** Extra text to cover (tests). */
  texts?: string[]
}

/** Writes the subset woff2 files and their CSS (cached by character set); returns where. */
export async function buildDeckFont(options: SubsetOptions): Promise<SubsetResult> {
  const { root, family = 'Deck Sans', weights = [400, 700] } = options
  const pkgDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'))
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version as string
  const codePoints = codePointsOf(options.texts ?? deckTexts(root))
  const key = createHash('sha256').update(JSON.stringify({
    family,
    weights,
    version,
    cps: [...codePoints].sort((a, b) => a - b),
  })).digest('hex').slice(0, 12)
  const cacheDir = resolve(options.cacheDir ?? join(root, 'node_modules/.cache/deck-fonts'))
  const dir = join(cacheDir, key)
  const cssFile = join(dir, 'deck-sans.css')
  if (!existsSync(cssFile)) {
    const staging = `${dir}.tmp-${process.pid}`
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { recursive: true })
    const rules: { weight: number, url: string, codePoints: number[] }[] = []
    for (const weight of weights) {
      const faces = parseFontFaces(readFileSync(join(pkgDir, `${weight}.css`), 'utf8'), pkgDir)
      const plan = planSubsets(codePoints, faces)
      const outputs = await Promise.all(plan.map(({ face, codePoints }) =>
        subsetFont(readFileSync(face.file), String.fromCodePoint(...codePoints), { targetFormat: 'woff2' })))
      plan.forEach(({ face, codePoints }, i) => {
        const name = face.file.split('/').pop()!.replace(/^noto-sans-sc-/, 'deck-sans-')
        writeFileSync(join(staging, name), outputs[i])
        rules.push({ weight, url: `./${name}`, codePoints })
      })
    }
    writeFileSync(join(staging, 'deck-sans.css'), `/* ${family}: Noto Sans SC (SIL OFL 1.1) subset to ${codePoints.size} code points of the deck — node/fonts/font-subset.ts */\n${fontFaceCss(family, rules)}`)
    rmSync(dir, { recursive: true, force: true })
    renameSync(staging, dir)
  }
  const files = readdirSync(dir).filter(f => f.endsWith('.woff2')).map(f => join(dir, f))
  return {
    cssFile,
    files,
    bytes: files.reduce((sum, f) => sum + readFileSync(f).length, 0),
    codePoints: codePoints.size,
  }
}

/** A face of the built site (its file, from the site root, and @font-face rule) and the characters a page draws with it. */
export interface FaceUse {
  url: string
  rule: string
  chars: string
}

/**
 * The faces one page needs, each cut to that page's characters and inlined as a data: URL, drawn only
 * once loaded: the page paints its text at once, in its own font, without a font request. The faces
 * keep their family and weight, and come after the site's stylesheet, so the browser prefers them for
 * these characters and fetches the site's files only for text the app adds later. Cut fonts are cached
 * in `cacheDir` (node/core/cache.ts) by source file and characters.
 */
export async function inlineFaces(uses: FaceUse[], fileOf: (url: string) => string, cacheDir: string): Promise<string> {
  const rules: string[] = []
  for (const use of uses) {
    const file = fileOf(use.url)
    if (!existsSync(file))
      throw new Error(`${use.url}: the font file is not in the site (${file}) — was the site built into another folder?`)
    const source = readFileSync(file)
    const codePoints = [
      ...new Set(use.chars),
    ].map(char => char.codePointAt(0)!).sort((a, b) => a - b)
    const range = formatUnicodeRange(codePoints)
    const font = await cached(cacheDir, `${hashOf(source, range)}.woff2`, () =>
      subsetFont(source, String.fromCodePoint(...codePoints), { targetFormat: 'woff2' }))
    const src = `src: url(data:font/woff2;base64,${font.toString('base64')}) format("woff2");`
    rules.push(use.rule
      .replace(/src:[^;]*;/, () => src)
      .replace(/\s*(?:font-display|unicode-range):[^;}]*;?/g, '')
      .replace(/\}\s*$/, ` unicode-range: ${range}; font-display: block; }`))
  }
  return rules.join('\n')
}

/** `lectern fonts` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern fonts',
    summary: 'Cut Noto Sans SC down to the characters the deck uses (the \'Deck Sans\' family the build loads).',
    options: {},
    run: async () => {
      const started = performance.now()
      const result = await buildDeckFont({
        root: process.cwd(),
      })
      console.log(`${result.codePoints} code points → ${result.files.length} woff2 files, ${(result.bytes / 1024).toFixed(0)} KB in ${relative(process.cwd(), dirname(result.cssFile))} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
    },
  }, argv)
}
