import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, rgb } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { writeContactSheet } from './contact-sheet.ts'

const dir = mkdtempSync(join(tmpdir(), 'contact sheet 幻灯片 '))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  expect(String.fromCharCode(...png.subarray(1, 4))).toBe('PNG')
  return [
    view.getUint32(16),
    view.getUint32(20),
  ]
}

describe('contact sheet', () => {
  it('lays every page of the slides PDF out in a grid and writes one PNG', async () => {
    const doc = await PDFDocument.create()
    for (let i = 0; i < 5; i++) {
      doc.addPage([735, 414]).drawRectangle({
        x: 0,
        y: 0,
        width: 735,
        height: 414,
        color: rgb(i / 5, 0.4, 0.8),
      })
    }
    const pdf = join(dir, 'slides.pdf')
    writeFileSync(pdf, await doc.save())
    const out = join(dir, 'out', 'overview.png')
    expect(await writeContactSheet({
      pdf,
      out,
      columns: 2,
      thumbWidth: 100,
    })).toBe(5)
    const [width, height] = pngSize(readFileSync(out))
    // 2 columns of 100 px, a 12 px gap, 16 px padding each side; 3 rows of thumbnails with their numbers.
    expect(width).toBe(2 * 100 + 12 + 2 * 16)
    expect(height).toBeGreaterThan(3 * 56)
    expect(height).toBeLessThan(3 * 100)
  }, 60_000)

  it('names a missing PDF', async () => {
    await expect(writeContactSheet({
      pdf: join(dir, 'none.pdf'),
      out: join(dir, 'x.png'),
    }))
      .rejects
      .toThrow(/none\.pdf not found — run `npm run build`/)
  })
})
