import type { Browser } from 'playwright-chromium'
import type { MatchableFace } from './font-match.ts'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../core/browser.ts'
import { matchFace } from './font-match.ts'

const LATIN: MatchableFace['ranges'] = [
  [0x20, 0x7E],
]
const face = (family: string, weight: number, ranges = LATIN, id = `${family}-${weight}`) => ({ family, weight, ranges, id })
function idOf(match: ReturnType<typeof matchFace<ReturnType<typeof face>>>) {
  return typeof match === 'object'
    ? match.id
    : match
}

describe('matchFace: CSS font matching for one character', () => {
  it('picks normal and bold as the CSS Fonts test suite expects (wpt css-fonts/matching/font-weight-search-direction)', () => {
    const simple = [
      face('simple', 400),
      face('simple', 700),
    ]
    for (const weight of [100, 400, 499, 500])
      expect(idOf(matchFace(simple, ['simple'], weight, 0x41)), `weight ${weight}`).toBe('simple-400')
    for (const weight of [501, 600, 900])
      expect(idOf(matchFace(simple, ['simple'], weight, 0x41)), `weight ${weight}`).toBe('simple-700')
  })

  it('follows the search order of CSS Fonts 4 §5.2 where the nearest weight would differ', () => {
    const pick = (weights: number[], wanted: number) => idOf(matchFace(weights.map(w => face('f', w)), ['f'], wanted, 0x41))
    expect(pick([300, 500], 400)).toBe('f-500') // 400–500: heavier up to 500 first
    expect(pick([300, 600], 400)).toBe('f-300') // … then lighter, before heavier than 500
    expect(pick([400, 900], 600)).toBe('f-900') // above 500: heavier first, however far
    expect(pick([100, 350], 300)).toBe('f-100') // below 400: lighter first
  })

  it('walks the family list: skips families without the character, stops at a generic one, else gives up', () => {
    const han: MatchableFace['ranges'] = [
      [0x4E00, 0x9FFF],
    ]
    const faces = [
      face('Latin Only', 400),
      face('Deck Sans', 400, han),
    ]
    expect(idOf(matchFace(faces, ['"Latin Only"', ' \'deck sans\''], 400, 0x865A))).toBe('Deck Sans-400')
    expect(idOf(matchFace(faces, ['Latin Only', 'sans-serif', 'Deck Sans'], 400, 0x865A))).toBe('generic')
    expect(matchFace(faces, ['Latin Only'], 400, 0x865A)).toBeUndefined()
  })

  it('takes the last declared of faces that overlap (a page\'s own faces follow the site\'s)', () => {
    const faces = [
      face('Deck Sans', 400, LATIN, 'site'),
      face('Deck Sans', 400, [
        [0x41, 0x5A],
      ], 'page'),
    ]
    expect(idOf(matchFace(faces, ['Deck Sans'], 400, 0x41))).toBe('page')
    expect(idOf(matchFace(faces, ['Deck Sans'], 400, 0x61))).toBe('site')
  })
})

describe('matchFace agrees with Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  it('loads the face matchFace names, for each wanted weight', async () => {
    // One real font file behind every face; the browser loads only the face it matched.
    const file = createRequire(import.meta.url).resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2')
    const src = `url(data:font/woff2;base64,${readFileSync(file).toString('base64')})`
    const weights = [200, 300, 500, 600, 900]
    const faces = weights.map(w => face('probe', w))
    const css = weights.map(w => `@font-face{font-family:probe;font-weight:${w};src:${src}}`).join('')
    const page = await browser.newPage()
    try {
      for (const wanted of [100, 250, 400, 450, 500, 550, 700, 950]) {
        await page.setContent(`<style>${css}</style><p style="font:${wanted} 20px probe">A</p>`)
        const loaded = await page.evaluate(async () => {
          await document.fonts.ready
          return [...document.fonts].filter(f => f.status === 'loaded').map(f => `probe-${f.weight}`)
        })
        expect(loaded, `font-weight ${wanted}`).toEqual([
          idOf(matchFace(faces, ['probe'], wanted, 0x41)),
        ])
      }
    }
    finally {
      await page.close()
    }
  })
})
