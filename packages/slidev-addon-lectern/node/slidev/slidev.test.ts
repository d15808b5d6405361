import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { causeFirst, deckSlidev, inRange, slidevVersionProblem, SUPPORTED_SLIDEV } from './slidev.ts'

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
