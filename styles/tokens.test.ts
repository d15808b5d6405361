import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Reads the real tokens file and resolves each mode's values as the browser does: html.dark overrides
// :root, var() is looked up in the same mode, color-mix(in srgb, A p%, B) mixes the sRGB channels
// (p may be a var() holding a percentage).
const CSS = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')

function block(selector: string): Record<string, string> {
  const body = new RegExp(`${selector.replace('.', '\\.')}\\s*\\{([^}]*)\\}`).exec(CSS)?.[1] ?? ''
  return Object.fromEntries([
    ...body.matchAll(/(--[\w-]+):([^;]+);/g),
  ].map(([, name, value]) => [
    name,
    value.trim(),
  ]))
}

type Rgb = [number, number, number]

function resolve(tokens: Record<string, string>, value: string): Rgb {
  const v = value.trim()
  const ref = /^var\((--[\w-]+)\)$/.exec(v)
  if (ref)
    return resolve(tokens, tokens[ref[1]] ?? expect.fail(`${ref[1]} is not defined`))
  const mix = /^color-mix\(in srgb, (\S+) (\S+), (\S+)\)$/.exec(v)
  if (mix) {
    const percent = /^var\((--[\w-]+)\)$/.exec(mix[2])?.[1]
    const p = Number.parseFloat(percent ? tokens[percent] : mix[2]) / 100
    const a = resolve(tokens, mix[1])
    const b = resolve(tokens, mix[3])
    return a.map((c, i) => c * p + b[i] * (1 - p)) as Rgb
  }
  const hex = /^#([\da-f]{6})$/i.exec(v)
  if (hex)
    return [0, 2, 4].map(i => Number.parseInt(hex[1].slice(i, i + 2), 16)) as Rgb
  return expect.fail(`cannot read the colour "${v}" — use #rrggbb, var() or color-mix(in srgb, …)`)
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.04045
      ? s / 12.92
      : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [
    luminance(a),
    luminance(b),
  ].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

const light = block(':root')
const modes = {
  light,
  dark: {
    ...light,
    ...block('html.dark'),
  },
}

const TEXT = [
  '--deck-ink',
  '--deck-muted',
  '--deck-accent',
  '--deck-ok',
  '--deck-warn',
  '--deck-danger',
  '--deck-extra',
]
const PAIRS: [text: string, on: string][] = [
  ...TEXT.flatMap(t => [
    [t, '--deck-surface'],
    [t, '--deck-surface-2'],
  ] as [string, string][]),
  ...[
    'accent',
    'ok',
    'warn',
    'danger',
    'extra',
  ].map(role => ['--deck-ink', `--deck-${role}-soft`] as [string, string]),
  ['--deck-accent-strong', '--deck-accent-soft'],
  ['--deck-on-accent', '--deck-accent'],
]

describe('colour tokens', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5)
    expect(contrast([37, 99, 235], [255, 255, 255])).toBeCloseTo(5.17, 2)
  })

  for (const [mode, tokens] of Object.entries(modes)) {
    it(`${mode}: every text colour reads at 4.5:1 or more on the surface it is used on`, () => {
      const failing = PAIRS
        .map(([text, on]) => ({
          text,
          on,
          ratio: contrast(resolve(tokens, `var(${text})`), resolve(tokens, `var(${on})`)),
        }))
        .filter(p => p.ratio < 4.5)
        .map(p => `${p.text} on ${p.on}: ${p.ratio.toFixed(2)}:1`)
      expect(failing).toEqual([])
    })
  }

  it('dark mode sets every colour light mode sets', () => {
    const colours = Object.keys(light).filter(k => light[k].startsWith('#'))
    expect(colours.filter(k => !(k in block('html.dark')))).toEqual([])
  })
})
