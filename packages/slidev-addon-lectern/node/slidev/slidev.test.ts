import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { readDeck } from '../deck/deck.ts'
import { causeFirst, deckSlidev, inRange, slidevBuild, slidevVersionProblem, SUPPORTED_SLIDEV, whereInDeck } from './slidev.ts'

describe('the deck\'s Slidev', () => {
  it('is found from the deck\'s folder, and this workspace\'s is supported', () => {
    const slidev = deckSlidev()
    expect(slidev?.bin).toMatch(/@slidev\/cli\/bin\/slidev\.mjs$/)
    expect(slidevVersionProblem()).toBeUndefined()
  })

  it('refuses a Slidev outside the peer range, and a folder without Slidev, in one line each', () => {
    const deck = mkdtempSync(join(tmpdir(), 'deck-slidev-'))
    try {
      expect(slidevVersionProblem(deck)).toBe(`no @slidev/cli installed for the deck in ${deck} — run the command in the deck's folder, after \`npm install\` there`)
      mkdirSync(join(deck, 'node_modules/@slidev/cli'), { recursive: true })
      writeFileSync(join(deck, 'node_modules/@slidev/cli/package.json'), '{ "name": "@slidev/cli", "version": "51.0.0", "bin": { "slidev": "./bin/slidev.mjs" } }')
      expect(slidevVersionProblem(deck)).toBe(`this deck has @slidev/cli 51.0.0; slidev-addon-lectern supports ${SUPPORTED_SLIDEV} — install a supported Slidev (npm install -D "@slidev/cli@${SUPPORTED_SLIDEV}") or a kit that supports 51.0.0`)
    }
    finally {
      rmSync(deck, { recursive: true, force: true })
    }
  })

  it('reads the peer range: ^, >=/<, ||', () => {
    expect(inRange('53.0.0', '^53.0.0')).toBe(true)
    expect(inRange('54.0.0', '^53.0.0')).toBe(false)
    expect(inRange('52.15.2', '^52.0.0 || ^53.0.0')).toBe(true)
    expect(inRange('51.9.9', '^52.0.0 || ^53.0.0')).toBe(false)
    expect(inRange('53.2.1', '>=53.0.0 <54.0.0')).toBe(true)
    expect(inRange('53.0.0-beta.1', '^53.0.0')).toBe(true)
    expect(inRange('53.0.0', SUPPORTED_SLIDEV)).toBe(true)
  })
})

describe('causeFirst', () => {
  it('puts the message and the file before a few lines of stack', () => {
    const stderr = [
      '\u001B[31merror during build:\u001B[39m',
      '[plugin unplugin-icons] slides.md?vue&type=script: Icon collection "ri" not found',
      'file: /deck/slides.md:12:3',
      ...Array.from({ length: 30 }, (_, i) => `    at frame${i} (/deck/node_modules/x.js:${i}:1)`),
    ].join('\n')
    expect(causeFirst(stderr).split('\n')).toEqual([
      'error during build:',
      '[plugin unplugin-icons] slides.md?vue&type=script: Icon collection "ri" not found',
      'file: /deck/slides.md:12:3',
      '    at frame0 (/deck/node_modules/x.js:0:1)',
      '    at frame1 (/deck/node_modules/x.js:1:1)',
      '    at frame2 (/deck/node_modules/x.js:2:1)',
      '    … 27 more stack lines',
    ])
  })
})

describe('a failed build names the deck\'s file and slide', () => {
  it('drops Vite\'s "Build failed" lines and keeps the plugin and module before the error', () => {
    const stderr = [
      '✗ Build failed in 2.85s',
      'Build failed with 1 error:',
      '',
      '[plugin vite:vue] /deck/slides.md__slidev_2.md:6:13',
      'SyntaxError: Error parsing JavaScript expression: Unexpected token (1:4)',
      '    at createCompilerError (/deck/node_modules/x.js:1:1)',
    ].join('\n')
    expect(causeFirst(stderr).split('\n')).toEqual([
      '[plugin vite:vue] /deck/slides.md__slidev_2.md:6:13',
      'SyntaxError: Error parsing JavaScript expression: Unexpected token (1:4)',
      '    at createCompilerError (/deck/node_modules/x.js:1:1)',
    ])
  })

  it('drops Rolldown\'s slow-plugin report before the error and starts at the error\'s code', () => {
    const stderr = [
      '[PLUGIN_TIMINGS] JavaScript callbacks ran for 11.7s of this 14.9s build (79%).',
      'The slowest callbacks, timed inside each callback (the wait before a callback starts is excluded, the time it awaits is included):',
      '  - plugin vite:vue transform (21%, 3.1s, 249 calls)',
      '  - plugin slidev:layout-wrapper transform (114 calls)',
      'See https://rolldown.rs/reference/InputOptions.checks#bundlertimings for more details.',
      '[MISSING_EXPORT] "STAGE_DIRECTION" is not exported by "node/deck/notes.ts".',
      '    at aggregateBindingErrorsIntoJsError (file:///deck/node_modules/rolldown/dist/shared/error.mjs:50:18)',
    ].join('\n')
    expect(causeFirst(stderr).split('\n')).toEqual([
      '[MISSING_EXPORT] "STAGE_DIRECTION" is not exported by "node/deck/notes.ts".',
      '    at aggregateBindingErrorsIntoJsError (file:///deck/node_modules/rolldown/dist/shared/error.mjs:50:18)',
    ])
  })

  it('maps Slidev\'s slide module to the slide\'s file and first line', () => {
    const slides = [
      { no: 1, file: 'slides.md', line: 1 },
      { no: 2, file: 'slides.md', line: 8 },
      { no: 3, file: 'pages/intro.md', line: 1 },
    ]
    expect(whereInDeck('[plugin vite:vue] /deck/pages/intro.md__slidev_3.md:6:13', slides, '/deck')).toEqual([
      'pages/intro.md:1  slide 3  the slide the error above is in (Slidev\'s module intro.md__slidev_3.md)',
    ])
    expect(whereInDeck('Error: something else', slides, '/deck')).toEqual([])
  })

  it('a missing Iconify set: the cause first, then every place the deck uses the icon and the install command', { timeout: 120_000 }, async () => {
    const entry = 'tests/fixtures/missing-icon-build/slides.md'
    const deck = await readDeck(entry)
    // A set that is installed but lacks the icon gets another fix than a set not installed.
    expect(whereInDeck('Error: Icon `carbon/logo-github` not found', deck.slides, process.cwd())).toEqual([
      `${entry}:14  slide 2  icon <carbon-logo-github> not found — @iconify-json/carbon has no icon logo-github: fix the name (the set's icons are listed at https://icones.js.org/collection/carbon)`,
    ])
    const out = mkdtempSync(join(tmpdir(), 'deck-slidev-'))
    try {
      const error = await slidevBuild({
        entry,
        out: join(out, 'site'),
        quiet: true,
      }).then(() => undefined, (e: Error) => e)
      expect(error?.message.split('\n').slice(0, 4)).toEqual([
        'slidev build failed (exit 1):',
        '[plugin unplugin-icons]',
        'Error: Icon `ri/github-line` not found',
        `${entry}:16  slide 2  icon <ri-github-line> not found — install its set: npm i -D @iconify-json/ri`,
      ])
      expect(error?.message.split('\n').filter(l => /^\s+at /.test(l)).length).toBeLessThanOrEqual(3)
    }
    finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
