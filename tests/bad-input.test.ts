import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterEach, describe, expect, it } from 'vitest'
import { BrowserNotFoundError, findChromium } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { writeAtomic } from '../packages/slidev-addon-lectern/node/core/pdf.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { buildSite } from '../packages/slidev-addon-lectern/node/make/build.ts'
import { checkFontPackages } from '../packages/slidev-addon-lectern/node/slidev/slidev.ts'

const scratch: string[] = []
afterEach(() => {
  for (const dir of scratch.splice(0))
    rmSync(dir, { recursive: true, force: true })
})
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'deck-bad-input-'))
  scratch.push(dir)
  return dir
}

describe('bad input stops with one line that says what and how to fix it', () => {
  it('a missing browser names the install command', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(BrowserNotFoundError)
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(/CHROMIUM_PATH=\/nonexistent\/chromium does not exist/)
  })

  it('a missing font package names the package and the command that installs it', () => {
    expect(() => checkFontPackages()).not.toThrow()
    expect(() => checkFontPackages(['@fontsource/noto-sans-sc', '@fontsource/not-installed']))
      .toThrow(/^Font package @fontsource\/not-installed is missing — run npm ci \(or npm install @fontsource\/not-installed\)$/)
  })

  it('a chapter that src: cannot find names the file and line', async () => {
    await expect(readDeck('tests/fixtures/broken-src/slides.md'))
      .rejects
      .toThrow(/^tests\/fixtures\/broken-src\/slides\.md:6 {2}Imported markdown file not found: .*02-midle\.md — fix the path/)
  })

  it('a failed build leaves the previous site in place and no half-written folder beside it', async () => {
    const dir = tempDir()
    const out = join(dir, 'dist')
    mkdirSync(out)
    writeFileSync(join(out, 'index.html'), 'previous site')
    await expect(buildSite({ entry: 'tests/fixtures/broken-src/slides.md', out })).rejects.toThrow(/02-midle\.md/)
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site')
    expect(readdirSync(dir)).toEqual(['dist'])
  })

  it('an output is replaced only when complete: a failed write leaves the old file intact', () => {
    const dir = tempDir()
    const file = join(dir, 'slides.pdf')
    writeFileSync(file, 'good')
    // Block the temporary name so the write fails midway.
    mkdirSync(`${file}.${process.pid}.tmp`)
    expect(() => writeAtomic(file, new Uint8Array([1, 2, 3]))).toThrow()
    expect(readFileSync(file, 'utf8')).toBe('good')
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false)
    writeAtomic(file, new TextEncoder().encode('new'))
    expect(readFileSync(file, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['slides.pdf'])
  })
})

describe('a slide that throws while rendering', () => {
  it('fails the build with the slide number and its file, writes no PDF and leaves no folder behind', async () => {
    const entry = 'tests/fixtures/throwing-slide/slides.md'
    const dir = tempDir()
    const exportsDir = join(dir, 'exports')
    // The export fails while the site's files are still being compressed into a folder beside the staging one.
    await expect(buildSite({
      entry,
      out: join(dir, 'site'),
      exportsDir,
    }))
      .rejects
      .toThrow(/slide 2 \(tests\/fixtures\/throwing-slide\/slides\.md:13\): \[deck\] slide 2: Boom/)
    expect(existsSync(exportsDir)).toBe(false)
    // Nothing written after the staging folder was removed (no `site.tmp-N`, no `site.tmp-N.compressed`).
    await new Promise(resolve => setTimeout(resolve, 1000))
    expect(readdirSync(dir)).toEqual([])
  })
})
