/**
 * Density report (issue #11): how much a slide asks the audience to read, and whether its content sits
 * balanced on the canvas — measured on the exported slides PDF, one page per slide, as the audience sees it.
 *   lectern density [pdf=exports/slides.pdf] [--entry slides.md]
 *   → one line a slide over a limit (`file:line  slide N  312 characters (limit 220) — …`), then a summary;
 *     exit 1 when a target fails or the input is bad (node/core/cli.ts).
 *
 * Visible characters: the non-space characters `pdftotext -bbox-layout` finds on the page (citations count:
 * the audience reads them too). The content box: the union of the text's boxes and of the ink on a small
 * greyscale render (`pdftoppm`), so a diagram without labels counts as content. A slide is top-heavy when
 * that box's vertical centre lies above 42 % of the page height (title and cards up top, the lower third empty).
 * The reference list is exempt: the slides that show the `<References>` component (components/References.vue).
 */
import type { Deck, DeckSlide } from '../../deck/deck.ts'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { runCli } from '../../core/cli.ts'
import { readDeck } from '../../deck/deck.ts'

/** Fractions of the page (0 = top/left edge, 1 = bottom/right edge). */
export interface Box { top: number, bottom: number, left: number, right: number }

export interface PageMeasure {
  /** 1-based page number. */
  page: number
  characters: number
  /** The box around text and ink; null on an empty page. */
  box: Box | null
}

export interface DensityTargets {
  /** Median visible characters per slide. */
  median: number
  /** 90th percentile of visible characters per slide; also the limit a single slide is named over. */
  p90: number
  /** How many top-heavy slides the deck may have. */
  topHeavy: number
  /** A slide is top-heavy when its content box is centred above this fraction of the height. */
  topHeavyAt: number
}

export const TARGETS: DensityTargets = {
  median: 120,
  p90: 220,
  topHeavy: 5,
  topHeavyAt: 0.42,
}

export interface SlideDensity extends PageMeasure {
  slide: DeckSlide
  /** Vertical centre of the content box as a fraction of the height (0.5 when the page is empty). */
  centre: number
  topHeavy: boolean
  /** Reference slides: listed, but not counted in the figures. */
  exempt: boolean
}

export interface DensityReport {
  pdf: string
  slides: SlideDensity[]
  /** Over the counted (non-exempt) slides. */
  median: number
  p90: number
  topHeavy: number
  targets: DensityTargets
  /** One sentence per target missed; empty when all hold. */
  failures: string[]
}

/** Whole-PDF measurement: characters and text boxes from pdftotext, ink boxes from a small render. */
export function measurePdf(pdf: string): PageMeasure[] {
  if (!existsSync(pdf))
    throw new Error(`${pdf} not found — run \`npm run build\` first, or pass the slides PDF's path`)
  const text = pageTexts(run('pdftotext', ['-bbox-layout', pdf, '-']))
  const ink = inkBoxes(pdf)
  if (ink.length !== text.length)
    throw new Error(`${pdf}: pdftotext saw ${text.length} pages, pdftoppm ${ink.length} — is the file complete?`)
  return text.map((page, i) => ({
    page: i + 1,
    characters: page.characters,
    box: union(page.box, ink[i]),
  }))
}

/** Pages of `pdftotext -bbox-layout` output: visible characters and the box around the words. */
export function pageTexts(xhtml: string): { characters: number, box: Box | null }[] {
  return [
    ...xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g),
  ].map(([, w, h, body]) => {
    const width = Number(w)
    const height = Number(h)
    let characters = 0
    let box: Box | null = null
    for (const [, x0, y0, x1, y1, word] of body.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      const visible = [
        ...decodeEntities(word).replace(/\s/g, ''),
      ].length
      if (!visible)
        continue
      characters += visible
      box = union(box, {
        top: Number(y0) / height,
        bottom: Number(y1) / height,
        left: Number(x0) / width,
        right: Number(x1) / width,
      })
    }
    return { characters, box }
  })
}

const pageNumber = (name: string) => Number(/-(\d+)\.pgm$/.exec(name)?.[1] ?? 0)

/** The box around whatever differs from the page's background, per page, from a greyscale render. */
function inkBoxes(pdf: string): (Box | null)[] {
  const dir = mkdtempSync(join(tmpdir(), 'density-'))
  try {
    // 24 dpi: a 735 pt page is 245 px wide — enough to find edges, fast for a whole deck.
    run('pdftoppm', [
      '-gray',
      '-r',
      '24',
      pdf,
      join(dir, 'p'),
    ])
    return readdirSync(dir)
      .filter(name => name.endsWith('.pgm'))
      .sort((a, b) => pageNumber(a) - pageNumber(b))
      .map(name => inkBox(readFileSync(join(dir, name))))
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Binary PGM (P5, 8 bit) → box of the pixels that differ from the most common grey by more than 10 %. */
export function inkBox(pgm: Uint8Array): Box | null {
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(new TextDecoder('latin1').decode(pgm.subarray(0, 50)))
  if (!header)
    throw new Error('pdftoppm wrote an image that is not an 8-bit greyscale PGM')
  const [whole, w, h] = header
  const width = Number(w)
  const height = Number(h)
  const pixels = pgm.subarray(whole.length, whole.length + width * height)
  const counts = new Uint32Array(256)
  for (const v of pixels) counts[v]++
  const background = counts.indexOf(Math.max(...counts))
  let top = height
  let bottom = -1
  let left = width
  let right = -1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (Math.abs(pixels[y * width + x] - background) <= 25)
        continue
      top = Math.min(top, y)
      bottom = Math.max(bottom, y)
      left = Math.min(left, x)
      right = Math.max(right, x)
    }
  }
  return bottom < 0
    ? null
    : {
        top: top / height,
        bottom: (bottom + 1) / height,
        left: left / width,
        right: (right + 1) / width,
      }
}

function union(a: Box | null, b: Box | null): Box | null {
  if (!a || !b)
    return a ?? b
  return {
    top: Math.min(a.top, b.top),
    bottom: Math.max(a.bottom, b.bottom),
    left: Math.min(a.left, b.left),
    right: Math.max(a.right, b.right),
  }
}

/** Reference slides are a list to read later, not a slide to read now. */
export function isExempt(slide: DeckSlide): boolean {
  return /<References\b/.test(slide.content)
}

/** Pairs page N with slide N and applies the targets. */
export function densityReport(pages: PageMeasure[], deck: Deck, pdf = 'exports/slides.pdf', targets: DensityTargets = TARGETS): DensityReport {
  if (pages.length !== deck.slides.length) {
    throw new Error(`${pdf} has ${pages.length} pages but the deck has ${deck.slides.length} slides — `
      + 'rebuild it (npm run build) so the PDF matches the slides (one page per slide, no click steps)')
  }
  const slides = pages.map((page, i): SlideDensity => {
    const centre = page.box
      ? (page.box.top + page.box.bottom) / 2
      : 0.5
    return {
      ...page,
      slide: deck.slides[i],
      centre,
      topHeavy: centre < targets.topHeavyAt,
      exempt: isExempt(deck.slides[i]),
    }
  })
  const counted = slides.filter(s => !s.exempt)
  const characters = counted.map(s => s.characters).sort((a, b) => a - b)
  const median = quantile(characters, 0.5)
  const p90 = quantile(characters, 0.9)
  const topHeavy = counted.filter(s => s.topHeavy).length
  const failures = [
    median > targets.median && `median ${median} characters a slide (target ≤ ${targets.median})`,
    p90 > targets.p90 && `p90 ${p90} characters a slide (target ≤ ${targets.p90})`,
    topHeavy > targets.topHeavy && `${topHeavy} top-heavy slides (target ≤ ${targets.topHeavy})`,
  ].filter(f => typeof f === 'string')
  return {
    pdf,
    slides,
    median,
    p90,
    topHeavy,
    targets,
    failures,
  }
}

/** Linear interpolation between closest ranks (the spreadsheet PERCENTILE); 0 for no values. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length)
    return 0
  const at = (sorted.length - 1) * q
  const low = Math.floor(at)
  const high = Math.min(low + 1, sorted.length - 1)
  return Math.round(sorted[low] + (sorted[high] - sorted[low]) * (at - low))
}

/** One decimal: 41.6 % must not read as the 42 % limit. */
const percent = (f: number) => `${(Math.round(f * 1000) / 10).toFixed(1)} %`

export function formatDensityReport(report: DensityReport): string {
  const { targets } = report
  const lines: string[] = []
  for (const s of report.slides.filter(s => !s.exempt)) {
    const where = `${s.slide.file}:${s.slide.line}  slide ${s.slide.no}`
    if (s.characters > targets.p90)
      lines.push(`${where}  ${s.characters} characters (limit ${targets.p90}) — move explanation to the notes`)
    if (s.topHeavy) {
      lines.push(`${where}  top-heavy: content centred at ${percent(s.centre)} of the height (limit ${percent(targets.topHeavyAt)})`
        + ' — centre it (a house layout) or let it fill the canvas')
    }
  }
  const exempt = report.slides.filter(s => s.exempt).map(s => s.slide.no)
  lines.push(`density of ${report.pdf}: median ${report.median} characters a slide (target ≤ ${targets.median}), `
    + `p90 ${report.p90} (≤ ${targets.p90}), ${report.topHeavy} top-heavy (≤ ${targets.topHeavy})`
    + `${exempt.length
      ? `; reference slides ${exempt.join(', ')} exempt`
      : ''}`)
  lines.push(report.failures.length
    ? `density targets missed: ${report.failures.join('; ')}`
    : 'density targets met')
  return lines.join('\n')
}

/** Measure `pdf` against the deck read from `entry`. */
export async function runDensity(options: { pdf?: string, entry?: string, root?: string, targets?: DensityTargets } = {}): Promise<DensityReport> {
  const root = options.root ?? process.cwd()
  const pdf = options.pdf ?? 'exports/slides.pdf'
  const deck = await readDeck(options.entry, root)
  return densityReport(measurePdf(resolve(root, pdf)), deck, pdf, options.targets)
}

/** For other reports (the gate): the density report of `pdf` if it exists, else ''; never throws. */
export async function densitySection(pdf: string, entry?: string): Promise<string> {
  if (!existsSync(pdf))
    return ''
  try {
    return `${formatDensityReport(await runDensity({ pdf, entry }))}\n`
  }
  catch (error) {
    return `density: ${error instanceof Error
      ? error.message
      : String(error)}\n`
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, name: string) => name.startsWith('#')
    ? String.fromCodePoint(Number(name.slice(1)))
    : ({
        amp: '&',
        lt: '<',
        gt: '>',
        quot: '"',
        apos: '\'',
      })[name]!)
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  }
  catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string }
    throw new Error(e.code === 'ENOENT'
      ? `${command} not found — install poppler-utils (apt-get install poppler-utils)`
      : `${command} ${args.join(' ')} failed: ${String(e.stderr ?? e.message).trim()}`)
  }
}

/** `lectern density` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern density',
    summary: 'Visible characters and top-heavy slides per slide of the slides PDF, against the targets (issue #11).',
    positionals: '[pdf=exports/slides.pdf]',
    options: {
      entry: {
        type: 'string',
        value: 'slides.md',
        help: 'the deck\'s entry file, for file:line of each slide',
        default: 'slides.md',
      },
    },
    epilog: 'Exit 1 when a target is missed (median ≤ 120, p90 ≤ 220 characters, ≤ 5 top-heavy slides) and the deck opts into the house rules (`houseRules: true`); other decks get the report only.',
    run: async ({ values, positionals }) => {
      const report = await runDensity({ pdf: positionals[0], entry: values.entry })
      console.log(formatDensityReport(report))
      const { houseRules } = await readDeck(values.entry)
      return report.failures.length && houseRules
        ? 1
        : 0
    },
  }, argv)
}
