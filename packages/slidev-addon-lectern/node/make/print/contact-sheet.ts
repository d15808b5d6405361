/**
 * Contact sheet: every slide of the slides PDF as a thumbnail in one image, so a visitor (and an author)
 * sees the whole talk at a glance. pdftoppm renders the pages; the build's Chromium lays them out in a grid
 * and takes one screenshot — offline, no image library.
 *   lectern overview [pdf=exports/slides.pdf] [--out exports/overview.png] [--columns 6]
 * `npm run overview` refreshes the README's copy, docs/overview.png, from the last build.
 */
import type { Browser } from 'playwright-chromium'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { launchChromium } from '../../core/browser.ts'
import { runCli, UsageError } from '../../core/cli.ts'
import { writeAtomic } from '../../core/pdf.ts'

const execFileAsync = promisify(execFile)

export interface ContactSheetOptions {
  pdf: string
  out: string
  columns?: number
  /** Thumbnail width in pixels. */
  thumbWidth?: number
  browser?: Browser
}

/** Renders the sheet, writes it to `options.out` (atomically); returns the number of slides on it. */
export async function writeContactSheet(options: ContactSheetOptions): Promise<number> {
  const { pdf, out, columns = 6, thumbWidth = 240 } = options
  if (!existsSync(pdf))
    throw new Error(`${pdf} not found — run \`npm run build\` first, or pass the slides PDF's path`)
  const pages = await renderPages(pdf, thumbWidth)
  const browser = options.browser ?? await launchChromium()
  try {
    const page = await browser.newPage({
      viewport: { width: 400, height: 300 },
      deviceScaleFactor: 1,
    })
    await page.setContent(sheetHtml(pages, columns, thumbWidth))
    await page.evaluate(() => Promise.all([...document.images].map(img => img.decode())))
    const sheet = page.locator('main')
    writeAtomic(out, await sheet.screenshot({ type: 'png', animations: 'disabled' }))
    return pages.length
  }
  finally {
    if (!options.browser)
      await browser.close()
  }
}

/** One PNG per page, `width` pixels wide, as data URLs in page order (in its own process: the build prints meanwhile). */
async function renderPages(pdf: string, width: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'contact-sheet-'))
  try {
    await execFileAsync('pdftoppm', [
      '-png',
      '-scale-to-x',
      String(width),
      '-scale-to-y',
      '-1',
      pdf,
      join(dir, 'p'),
    ])
    const number = (name: string) => Number(/-(\d+)\.png$/.exec(name)?.[1] ?? 0)
    return readdirSync(dir)
      .filter(name => name.endsWith('.png'))
      .sort((a, b) => number(a) - number(b))
      .map(name => `data:image/png;base64,${readFileSync(join(dir, name)).toString('base64')}`)
  }
  catch (error) {
    const e = error as NodeJS.ErrnoException
    throw new Error(e.code === 'ENOENT'
      ? 'pdftoppm not found — install poppler-utils (apt-get install poppler-utils)'
      : `pdftoppm could not render ${pdf}: ${e.message}`)
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The grid of thumbnails at their pixel size, the slide number under each. */
export function sheetHtml(images: string[], columns: number, thumbWidth: number): string {
  const cells = images.map((src, i) => `<figure><img src="${src}" alt=""><figcaption>${i + 1}</figcaption></figure>`).join('')
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; }
    main { display: inline-grid; grid-template-columns: repeat(${columns}, ${thumbWidth}px); gap: 14px 12px;
      padding: 16px; background: #e5e7eb; font: 12px/1 sans-serif; color: #374151; }
    figure { margin: 0; }
    img { display: block; width: 100%; box-shadow: 0 1px 3px rgb(0 0 0 / 0.25); }
    figcaption { margin-top: 4px; text-align: center; }
  </style><main>${cells}</main>`
}

/** `lectern overview` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern overview',
    summary: 'All slides of the slides PDF as thumbnails in one PNG (the build writes exports/overview.png).',
    positionals: '[pdf=exports/slides.pdf]',
    options: {
      out: {
        type: 'string',
        value: 'png',
        help: 'where the image goes',
        default: 'exports/overview.png',
      },
      columns: {
        type: 'string',
        value: 'n',
        help: 'thumbnails per row',
        default: '6',
      },
    },
    run: async ({ values, positionals }) => {
      const columns = Number(values.columns)
      if (!Number.isInteger(columns) || columns < 1)
        throw new UsageError(`--columns ${values.columns}: give a whole number of thumbnails per row, e.g. --columns 6`)
      const pdf = positionals[0] ?? 'exports/slides.pdf'
      const count = await writeContactSheet({ pdf, out: values.out!, columns })
      console.log(`${values.out}  ${count} slides from ${pdf}`)
    },
  }, argv)
}
