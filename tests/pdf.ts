/** Reading PDFs in tests: poppler for text and fonts (what a reader's viewer sees), pdf-lib for structure. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'

export function pdfText(file: string, first?: number, last?: number) {
  return execFileSync('pdftotext', [
    ...(first
      ? [
          '-f',
          `${first}`,
          '-l',
          `${last ?? first}`,
        ]
      : []),
    '-layout',
    file,
    '-',
  ], { encoding: 'utf8' })
}

/** Each page's first word: its distance from the page's left edge in pt, from page `first` on (pdftotext -bbox). */
export function pageFirstWordX(file: string, first = 1): number[] {
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', `${first}`, file, '-'], { encoding: 'utf8' })
  return [
    ...bbox.matchAll(/<page[^>]*>\s*(?:<[^w][^>]*>\s*)*<word xMin="([\d.]+)"/g),
  ].map(m => Number(m[1]))
}

export function pdfInfo(file: string) {
  return Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n')
      .filter(line => line.includes(':'))
      .map(line => [
        line.slice(0, line.indexOf(':')),
        line.slice(line.indexOf(':') + 1).trim(),
      ]),
  )
}

export interface FontRow { name: string, type: string, embedded: boolean }
export function pdfFonts(file: string): FontRow[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((line) => {
    const cols = line.trim().split(/\s+/)
    // name, type (may be two words), encoding, emb, sub, uni, object, ID
    const emb = cols.at(-5)
    return {
      name: cols[0],
      type: line.slice(37, 55).trim(),
      embedded: emb === 'yes',
    }
  })
}

export interface Bookmark { title: string, children: Bookmark[] }
/** The document outline, as nested titles. */
export async function pdfOutline(file: string): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(readFileSync(file))
  const read = (first: unknown): Bookmark[] => {
    const items: Bookmark[] = []
    let node = first instanceof PDFDict
      ? first
      : undefined
    while (node) {
      const title = node.lookup(PDFName.of('Title'))
      items.push({
        title: title instanceof PDFHexString || title instanceof PDFString
          ? title.decodeText()
          : '',
        children: read(node.lookup(PDFName.of('First'))),
      })
      const next = node.lookup(PDFName.of('Next'))
      node = next instanceof PDFDict
        ? next
        : undefined
    }
    return items
  }
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'))
  return outlines instanceof PDFDict
    ? read(outlines.lookup(PDFName.of('First')))
    : []
}

export async function pdfLanguage(file: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(readFileSync(file))
  const lang = doc.catalog.lookup(PDFName.of('Lang'))
  return lang instanceof PDFString || lang instanceof PDFHexString
    ? lang.decodeText()
    : undefined
}

/** Mean grey level (0 black … 255 white) of one page rendered small: enough to tell a dark page from a light one. */
export function pageBrightness(file: string, page: number): number {
  const pgm = execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '8',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    file,
  ])
  // PGM (P5): three header fields after the magic number, then one byte a pixel.
  const header = pgm.subarray(0, 32).toString('latin1').match(/^P5\s+\d+\s+\d+\s+\d+\s/)
  const pixels = pgm.subarray(header![0].length)
  return pixels.reduce((sum, v) => sum + v, 0) / pixels.length
}
