/**
 * Colour literals outside `styles/` (issue #11): `#rgb`/`#rrggbb`(`aa`), `rgb(`/`rgba(`/`hsl(`/`hsla(`, and CSS
 * named colours where a colour is set (a CSS colour property or an SVG fill/stroke/stop-color/color attribute).
 * Slides and components name tokens (`var(--deck-accent)`, styles/tokens.css) so the look changes in one place.
 * `currentColor`, `transparent` and `inherit` are not literals: they defer to the surroundings.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export interface ColourLiteral {
  /** Relative to the root. */
  file: string
  line: number
  literal: string
}

/** The folders whose files may name no colour, and the files scanned there (tests may describe colours). */
export const SCANNED = ['components', 'slides']
const SOURCE = /\.(?:vue|md|ts|css)$/
const TEST = /\.test\.ts$/

// Not after `&` (an entity `&#123;`), a word character, `/` (a URL path) or `href="` (a fragment link); not a
// Vue slot shorthand (`<template #left>`).
const HEX = /(?<![\w&/-])(?<!href=["'])(?<!<template\s+)#(?:[\da-f]{8}|[\da-f]{6}|[\da-f]{3,4})(?![\w-])/gi
const FUNCTION = /\b(?:rgba?|hsla?)\(/gi
// The CSS Color 4 named colours except the keywords above.
const NAMES = 'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown '
  + 'burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod '
  + 'darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon '
  + 'darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray '
  + 'dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green '
  + 'greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon '
  + 'lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon '
  + 'lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta '
  + 'maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen '
  + 'mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive '
  + 'olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru '
  + 'pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell '
  + 'sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise '
  + 'violet wheat white whitesmoke yellow yellowgreen'
// `color: red`, `border: 1px solid red;`, `fill="red"`, `:stroke="'red'"` — a colour property's value up to its end.
const SETTING = /\b(?:color|background(?:-color)?|border(?:-[a-z]+)*|outline(?:-color)?|fill|stroke|stop-color|box-shadow|text-decoration(?:-color)?|caret-color|accent-color)\s*:\s*([^;"'}\n]+)|\b(?:fill|stroke|stop-color|color)=["']'?([a-z]+)/gi
const NAMED = new RegExp(`\\b(?:${NAMES.split(' ').join('|')})\\b`, 'gi')

/** Every colour literal in one file's text. */
export function colourLiterals(text: string, file = ''): ColourLiteral[] {
  const found: { at: number, literal: string }[] = []
  for (const m of [
    ...text.matchAll(HEX),
    ...text.matchAll(FUNCTION),
  ])
    found.push({ at: m.index, literal: m[0] })
  for (const m of text.matchAll(SETTING)) {
    const value = m[1] ?? m[2]
    for (const name of value.matchAll(NAMED))
      found.push({ at: m.index + m[0].indexOf(value) + name.index, literal: name[0] })
  }
  return found.sort((a, b) => a.at - b.at)
    .map(({ at, literal }) => ({ file, line: text.slice(0, at).split('\n').length, literal }))
}

/** Colour literals in the scanned folders under `root`, file by file. */
export function findColourLiterals(root: string): ColourLiteral[] {
  return SCANNED.flatMap(folder => readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && SOURCE.test(entry.name) && !TEST.test(entry.name))
    .map(entry => join(entry.parentPath, entry.name))
    .sort()
    .flatMap(path => colourLiterals(readFileSync(path, 'utf8'), relative(root, path))))
}

/** `components/X.vue  12` lines, most first. */
export function countsByFile(literals: ColourLiteral[]): string[] {
  const counts = new Map<string, number>()
  for (const l of literals)
    counts.set(l.file, (counts.get(l.file) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([file, n]) => `${file}  ${n}`)
}
