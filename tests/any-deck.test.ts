/**
 * The tools on decks that are not this talk: a typical Slidev deck in a sub-folder (its own components/,
 * layouts/, public/, no references), a deck that loads a remote image, and this project copied into a
 * folder named like a Chinese speaker's (`演讲 稿`: a space and Chinese characters).
 */
import type { Browser } from 'playwright-chromium'
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../packages/slidev-addon-lectern/node/core/browser.ts'
import { readDeck } from '../packages/slidev-addon-lectern/node/deck/deck.ts'
import { exportFromSite } from '../packages/slidev-addon-lectern/node/make/print/export.ts'
import { slidevBuild } from '../packages/slidev-addon-lectern/node/slidev/slidev.ts'
import { checkDeck, formatProblem } from '../packages/slidev-addon-lectern/node/verify/check/check.ts'
import { formatGateProblem, runGate } from '../packages/slidev-addon-lectern/node/verify/gate/gate.ts'
import { pdfInfo, pdfText } from './pdf.ts'

/** The kit's command, `lectern`, in this repository's workspace. */
const KIT_BIN = 'packages/slidev-addon-lectern/bin/lectern.js'
let browser: Browser
let temp: string

beforeAll(async () => {
  temp = mkdtempSync(join(tmpdir(), 'deck-any-'))
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  rmSync(temp, { recursive: true, force: true })
})

describe('a typical Slidev deck in a sub-folder, with no references', () => {
  const entry = 'tests/fixtures/typical/slides.md'

  it('passes the checker, exports slides and handout, and passes the browser gate', async () => {
    expect((await checkDeck(entry)).map(formatProblem)).toEqual([])
    const site = join(temp, 'typical-site')
    await slidevBuild({ entry, out: site, quiet: true })
    const deck = await readDeck(entry)
    const out = join(temp, 'typical-exports')
    const lines: string[] = []
    const { files } = await exportFromSite({
      siteDir: site,
      deck,
      outDir: out,
      layouts: [1, 2],
      browser,
      log: line => lines.push(line),
    })
    // Layout 2 is the attendee handout (handout.pdf); each layout has a speaker twin that keeps every note.
    expect(files.map(f => f.slice(out.length + 1))).toEqual([
      'slides.pdf',
      'handout-1up.pdf',
      'handout.pdf',
      'handout-speaker-1up.pdf',
      'handout-speaker.pdf',
    ])
    expect(Number(pdfInfo(join(out, 'slides.pdf')).Pages)).toBe(4)
    // The cover image from public/, highlighted code and the component rendered; the notes are in the handout.
    expect(pdfText(join(out, 'slides.pdf'), 2)).toContain('return a + b')
    expect(pdfText(join(out, 'slides.pdf'), 3)).toContain('Count: 3')
    expect(pdfText(join(out, 'handout.pdf'))).toContain('The counter starts at three.')
    expect(pdfText(join(out, 'handout.pdf')), 'this talk\'s references in another deck\'s handout').not.toContain('参考文献')
    const gate = await runGate({
      siteDir: site,
      entry,
      screenshots: false,
      browser,
    })
    // Stock Slidev styles fail contrast where a typical deck uses them: the lines `{2}` dims, the default
    // blockquote grey. The gate names exactly those, at file:line; nothing else (overflow, console, requests, fonts).
    expect(gate.slides).toBe(4)
    for (const problem of gate.problems) {
      expect(problem.file, formatGateProblem(problem)).toBe(entry)
      expect(problem.what, formatGateProblem(problem)).toMatch(/^axe serious color-contrast: .*(?:dishonored|blockquote)/)
    }
    expect(new Set(gate.problems.map(p => p.slide))).toEqual(new Set([2, 4]))
  })
})

describe('a deck that loads a remote image', () => {
  const entry = 'tests/fixtures/browser-remote-image/slides.md'

  it('stops the export naming the URL and the slide; --allow-remote exports anyway with one warning', async () => {
    const site = join(temp, 'remote-site')
    await slidevBuild({ entry, out: site, quiet: true })
    const deck = await readDeck(entry)
    const out = join(temp, 'remote-exports')
    await expect(exportFromSite({
      siteDir: site,
      deck,
      outDir: out,
      only: ['slides'],
      browser,
      log: () => {},
    }))
      .rejects
      .toThrow(/slide 3 \(tests\/fixtures\/browser-remote-image\/slides\/02-fault\.md:1\): request off the machine \(blocked\): https:\/\/example\.com\/x\.png — .*--allow-remote/)
    expect(existsSync(join(out, 'slides.pdf'))).toBe(false)
    const lines: string[] = []
    await exportFromSite({
      siteDir: site,
      deck,
      outDir: out,
      only: ['slides'],
      browser,
      allowRemote: true,
      log: line => lines.push(line),
    })
    // Online the image is fetched; offline (as here) the request fails at once and the image is left out.
    expect(lines.filter(l => l.startsWith('warning:'))).toEqual([
      expect.stringMatching(/^warning: slide 3 \(tests\/fixtures\/browser-remote-image\/slides\/02-fault\.md:1\): request off the machine \(allowed\)(?:: | got no answer \(.+\), left out: )https:\/\/example\.com\/x\.png — (?:the PDF depends on that server|printed without it)$/),
    ])
    expect(existsSync(join(out, 'slides.pdf'))).toBe(true)
  })
})

/** This project's files (tracked and new, as in a clone) in `dir`; node_modules hard-linked (or linked) from here. */
function copyProject(dir: string): void {
  const files = execFileSync('git', [
    'ls-files',
    '--cached',
    '--others',
    '--exclude-standard',
    '-z',
  ], { encoding: 'utf8' }).split('\0').filter(Boolean)
  for (const file of files) {
    if (!existsSync(file))
      continue // deleted in the work tree
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    if (lstatSync(file).isSymbolicLink())
      symlinkSync(readlinkSync(file), join(dir, file)) // fixture decks link the project's layouts and styles
    else
      cpSync(file, join(dir, file))
  }
  try {
    execFileSync('cp', [
      '-al',
      'node_modules',
      join(dir, 'node_modules'),
    ])
  }
  catch {
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'))
  }
}

describe('the project in a folder named `演讲 稿`', () => {
  it('builds the site and both PDFs, checks and exports, as in place', () => {
    const dir = join(temp, '演讲 稿')
    copyProject(dir)
    // The copy's own kit, run in the copy as a user types it there (npm run sets INIT_CWD to where vitest started).
    const { INIT_CWD: _, ...env } = process.env
    const lectern = (...args: string[]) => spawnSync(process.execPath, [
      join(dir, KIT_BIN),
      ...args,
    ], { cwd: dir, encoding: 'utf8', env })

    // The old entry guard made this exit 0 after a second with nothing written.
    const build = lectern('build')
    expect(build.status, build.stderr).toBe(0)
    for (const file of [
      'dist/index.html',
      'dist/slides.pdf',
      'dist/handout.pdf',
      'exports/slides.pdf',
      'exports/handout.pdf',
    ])
      expect(existsSync(join(dir, file)), file).toBe(true)

    const check = lectern('check')
    const here = spawnSync(process.execPath, [KIT_BIN, 'check'], { encoding: 'utf8' })
    expect(check.stdout).toMatch(/Notes \(information\)/)
    expect(check.stdout).toBe(here.stdout)
    expect(check.status).toBe(here.status)

    const exported = lectern('export', '--entry', 'tests/fixtures/typical/slides.md', '--out', 'exports-typical', '--only', 'handout')
    expect(exported.status, exported.stderr).toBe(0)
    expect(existsSync(join(dir, 'exports-typical/handout.pdf'))).toBe(true)
  })
})
