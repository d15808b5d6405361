/**
 * Which @font-face draws a character: CSS font matching, one character at a time. The prerender
 * (node/make/pages/prerender.ts, to inline the faces a page uses) and the gate (node/verify/gate/gate.ts, to check they
 * loaded) both run it inside the page, serialized: it uses nothing outside its own body.
 */
import type { Range } from './font-subset.ts'

export interface MatchableFace {
  /** The family name as declared, without quotes (compared case-insensitively, as CSS does). */
  family: string
  weight: number
  ranges: Range[]
}

/**
 * Walks the `font-family` list: a generic family (`sans-serif` …) means the system draws the character
 * (`'generic'`); otherwise the first family with a face whose unicode-range holds it draws it. Among that
 * family's faces the weight is chosen as CSS Fonts 4 §5.2 says, and of faces with the same weight the
 * last declared wins (§4.5: a prerendered page's own faces follow the site's stylesheet).
 * Returns undefined when no family has the character: the browser's fallback draws it.
 */
export function matchFace<F extends MatchableFace>(faces: F[], families: string[], weight: number, code: number): F | 'generic' | undefined {
  const generic = [
    'serif',
    'sans-serif',
    'monospace',
    'cursive',
    'fantasy',
    'system-ui',
    'ui-sans-serif',
    'ui-serif',
    'ui-monospace',
    'ui-rounded',
    'math',
    'emoji',
    'fangsong',
  ]
  for (const name of families) {
    const family = name.trim().replace(/^["']|["']$/g, '').toLowerCase()
    if (generic.includes(family))
      return 'generic'
    const holding = faces.filter(f => f.family.toLowerCase() === family && f.ranges.some(([lo, hi]) => code >= lo && code <= hi))
    if (!holding.length)
      continue
    const weights = holding.map(f => f.weight)
    const up = weights.filter(w => w >= weight).sort((a, b) => a - b)
    const down = weights.filter(w => w < weight).sort((a, b) => b - a)
    // 400–500: heavier faces up to 500, then lighter ones, then heavier than 500; below 400 lighter
    // first; above 500 heavier first.
    const chosen = weight >= 400 && weight <= 500
      ? up.find(w => w <= 500) ?? down[0] ?? up[0]
      : weight < 400
        ? down[0] ?? up[0]
        : up[0] ?? down[0]
    return holding.findLast(f => f.weight === chosen)
  }
  return undefined
}
