import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { colourLiterals, countsByFile, findColourLiterals } from './colour-literals.ts'

// The deck this repository holds (vitest runs from its folder).
const ROOT = process.cwd()
/** Issue #11: the look changes in one place (styles/tokens.css); a few literals may stay where a token cannot go. */
const MAX_LITERALS = 20

describe('colour literals', () => {
  it('finds hex, functional and named colours where a colour is set', () => {
    const text = [
      '<rect fill="#2563eb" stroke="#FFF" />',
      '.a { background: rgba(37, 99, 235, 0.1); border: 1px solid red; }',
      '<path :stroke="\'white\'" /> <circle fill="currentColor" />',
      '.b { color: hsl(0 0% 50%); outline: 2px solid #12345678; }',
    ].join('\n')
    expect(colourLiterals(text, 'x.vue').map(l => `${l.line} ${l.literal}`)).toEqual([
      '1 #2563eb',
      '1 #FFF',
      '2 rgba(',
      '2 red',
      '3 white',
      '4 hsl(',
      '4 #12345678',
    ])
  })

  it('leaves alone what only looks like a colour', () => {
    const text = [
      '<template #left>',
      '# 标题 and #define and issue #12 and &#123;',
      '<a href="#add">link</a> see /docs#fed',
      '.c { white-space: nowrap; color: var(--deck-ink); fill: currentColor; background: transparent }',
      'A red line on the slide is prose, not a colour.',
    ].join('\n')
    expect(colourLiterals(text)).toEqual([])
  })

  it(`components/ and slides/ hold at most ${MAX_LITERALS} (use the tokens in styles/tokens.css)`, () => {
    const literals = findColourLiterals(ROOT)
    expect(literals.length, `${literals.length} colour literals — replace them with var(--deck-…) tokens:\n${countsByFile(literals).join('\n')}`)
      .toBeLessThanOrEqual(MAX_LITERALS)
  })
})
