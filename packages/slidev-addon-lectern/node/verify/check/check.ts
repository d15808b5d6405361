/**
 * Deck checker: finds what would break, overflow or go uncited before the talk is given.
 *   lectern check [entry=slides.md] [--json]   → one line a problem, errors first, then the notes
 *   report (reading minutes per chapter); exit 1 on any error.
 * Tests call `checkDeck()`; the CLI at the bottom only prints.
 *
 * Where things are looked up — the deck root is the folder of the entry file:
 *   <root>/components/**.vue   the deck's components (plus Slidev's built-ins and installed icon sets);
 *   <root>/layouts/*.vue       the deck's layouts: their `defineProps<{…}>()` keys are valid frontmatter;
 *   <root>/public/             absolute image paths (`/x.png`); relative paths resolve beside the .md file;
 *   <root>/data/references.ts  the sources `<Cite id>` must name. Without it the deck has no citation
 *                              rules at all (a deck of someone else is not held to this talk's sources).
 * The slide list comes from Slidev's own parser (`load`), so slide numbers match what Slidev shows.
 * `src:` targets and frontmatter YAML are checked here as well, because the parser only records
 * those faults on the side and carries on.
 *
 * Two sets of rules:
 * - Slidev correctness, for every deck: frontmatter YAML and keys, `src:` targets, `minutes` values,
 *   empty slides, missing images, unknown components (Iconify icon components of installed sets are
 *   known; an icon of a set not installed names its package), `<Cite id>` naming an entry of the deck's data/references.ts; remote assets are a warning.
 * - House rules, for a deck that opts in with `houseRules: true` in its headmatter (this talk does):
 *   speaker notes on every slide and their conventions, titles, list/line/code limits, minutes on every
 *   chapter divider, figures cited and every reference cited, remote assets an error (the talk is given offline).
 *
 * Rule families, one function each: frontmatter (YAML, keys, src:), timing (`minutes`), readability
 * (empty, title, bullets, lines, code), images, tags (components), notes, citations.
 */
import type { SlideInfo, SlidevMarkdown, SourceSlideInfo } from '@slidev/types'
import type Token from 'markdown-it/lib/token.mjs'
import type { Deck } from '../../deck/deck.ts'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { load } from '@slidev/parser/fs'
import { isHTMLTag, isMathMLTag, isSVGTag } from '@vue/shared'
import MarkdownIt from 'markdown-it'
import YAML from 'yaml'
import { messages } from '../../../shared/messages.ts'
import { SLIDEV_SOURCES } from '../../../shared/slidev-internals.ts'
import { didYouMean, runCli } from '../../core/cli.ts'
import { inNodeModules } from '../../core/kit.ts'
import { hasHouseRules, HOUSE_RULES_KEY, parseDuration, readDeck, sectionsOf, slideLine } from '../../deck/deck.ts'
import { attendeeNarration, READING_UNITS_PER_MINUTE, readingMinutes, readingUnits } from '../../deck/notes.ts'

export interface Problem {
  severity: 'error' | 'warning'
  /** Relative to the current working directory. */
  file: string
  /** 1-based line in `file`. */
  line: number
  /** 1-based slide number as Slidev shows it. */
  slide: number
  message: string
  fix: string
}

/** Readability limits. Bullets count per list (two short columns side by side read fine); lines per slide. */
export const LIMITS = { bullets: 7, textLines: 12, codeLines: 22 }
/**
 * Longest speaker notes (in `readingUnits`, stage directions left out) that fit the presenter's notes pane
 * at 1440×900 without scrolling; the presenter layout sizes the pane for this many.
 */
export const NOTES_PANE_UNITS = 500

const inModules = (path: string): string => inNodeModules(path)

/** Props of Slidev's built-in layouts (image-right, iframe, two-cols…): valid frontmatter keys too. */
const LAYOUT_PROPS = [
  'image',
  'backgroundSize',
  'background',
  'class',
  'layoutClass',
  'url',
  'scale',
  'name',
]
/** The kit's conventions (AUTHORING.md): timing on slides, who and where in the headmatter, the house rules switch. */
const OUR_FRONTMATTER = ['minutes', 'chapter']
const OUR_HEADMATTER = [
  'affiliation',
  'event',
  'date',
  'siteUrl',
  HOUSE_RULES_KEY,
]
/** Component-like tags that are not files in client/builtin: Vue's built-ins and Slidev directives written as tags. */
const EXTRA_COMPONENTS = [
  'Transition',
  'TransitionGroup',
  'KeepAlive',
  'Teleport',
  'Suspense',
  'Component',
  'Slot',
  'Template',
  'VMark',
  'VClick',
  'VClicks',
  'VAfter',
  'VSwitch',
  'VDrag',
  'RenderWhen',
  'Toc',
  'Link',
  'Arrow',
  'Transform',
]
/** Layouts whose picture comes from frontmatter, so an empty body is fine. */
const CONTENTLESS_LAYOUTS = new Set(['image', 'iframe', 'end'])
const PLACEHOLDER_NOTE = /待写|待补|TODO|TBD|FIXME/i
/** Hand-written click cues; Slidev's `[click]` marker is the one the presenter view highlights. */
const HANDWRITTEN_CLICK = /[（(]\s*点击\s*[）)]|点击后/
/** Section timing written into the narration; it belongs in the divider's `minutes`. */
const TIMING_PROSE = /约\s*\d+(?:\.\d+)?\s*分钟/

// ---------- small helpers ----------

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  }
  catch {
    return ''
  }
}

/** Keys declared at the top level of `export interface Name { … }` in Slidev's type file. */
function interfaceKeys(dts: string, name: string): string[] {
  const body = dts.match(new RegExp(`export interface ${name}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`))?.[1] ?? ''
  return [
    ...body.matchAll(/^ {2}(\w+)\??:/gm),
  ].map(m => m[1])
}

/** String items of `export const NAME = [ … ]` in Slidev's client constants. */
function constantList(src: string, name: string): string[] {
  const body = src.match(new RegExp(`export const ${name} = \\[([\\s\\S]*?)\\]`))?.[1] ?? ''
  return [
    ...body.matchAll(/'(\w+)'/g),
  ].map(m => m[1])
}

/** Prop names in `defineProps<{ a: number, b?: string }>()` of a layout (nested object types add their keys too, harmlessly). */
export function declaredProps(vue: string): string[] {
  const body = vue.match(/defineProps<\{([\s\S]*?)\}>\(/)?.[1] ?? ''
  return [
    ...body.matchAll(/(?:^|[{,;\n])\s*(?:readonly\s+)?['"]?([\w-]+)['"]?\??\s*:/g),
  ].map(m => m[1])
}

/**
 * Known frontmatter keys: Slidev's own (the field lists in @slidev/client/constants.ts and the `Frontmatter` /
 * `Headmatter` interfaces of @slidev/types, read as text: Node does not strip types inside node_modules, and
 * the types package exports no runtime list), the props of the deck's own layouts, and this project's keys.
 */
function knownKeys(root: string): { front: Set<string>, head: Set<string> } {
  const dts = readText(inModules(SLIDEV_SOURCES.types))
  const constants = readText(inModules(SLIDEV_SOURCES.constants))
  const slidev = [
    ...constantList(constants, 'FRONTMATTER_FIELDS'),
    ...interfaceKeys(dts, 'Frontmatter'),
    ...interfaceKeys(dts, 'TransitionOptions'),
  ]
  if (!slidev.length) {
    return {
      front: new Set(),
      head: new Set(),
    }
  } // Slidev moved its lists: check nothing rather than everything
  const layouts = filesUnder(join(root, 'layouts'), '.vue').flatMap(f => declaredProps(readText(f)))
  const front = new Set([
    ...slidev,
    ...LAYOUT_PROPS,
    ...layouts,
    ...OUR_FRONTMATTER,
  ])
  const head = new Set([
    ...front,
    ...constantList(constants, 'HEADMATTER_FIELDS'),
    ...interfaceKeys(dts, 'Headmatter'),
    ...interfaceKeys(dts, 'HeadmatterConfig'),
    ...OUR_HEADMATTER,
  ])
  return { front, head }
}

function toPascal(tag: string): string {
  return tag.split('-').map(p => p.charAt(0).toUpperCase() + p.slice(1)).join('')
}

function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir))
    return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith(ext))
    .map(f => join(dir, f))
}

/** Iconify sets installed as @iconify-json/<set> beside the deck or the kit. */
function iconSets(root: string): { dir: string, set: string }[] {
  return [
    ...new Set([
      join(root, 'node_modules/@iconify-json'),
      inModules('@iconify-json'),
    ]),
  ].filter(dir => existsSync(dir)).flatMap(dir => readdirSync(dir).map(set => ({ dir, set })))
}

/**
 * Icon components such as `<carbon-arrow-right />`, resolved by Slidev (unplugin-icons, no prefix) from
 * installed @iconify-json sets. (`<i-carbon-arrow-right />` is not one: Slidev renders it as an empty element.)
 */
function iconExists(name: string, root: string): boolean {
  for (const { dir, set } of iconSets(root)) {
    if (!name.startsWith(`${set}-`))
      continue
    try {
      const json = JSON.parse(readText(join(dir, set, 'icons.json'))) as { icons?: object, aliases?: object }
      const icon = name.slice(set.length + 1)
      if (icon in (json.icons ?? {}) || icon in (json.aliases ?? {}))
        return true
    }
    catch {}
  }
  return false
}
/** The deck's own sources, or undefined when it has no data/references.ts (then no citation rules apply). */
async function loadReferences(root: string): Promise<{ file: string, ids: string[] } | undefined> {
  const file = join(root, 'data/references.ts')
  if (!existsSync(file))
    return undefined
  const mod = await import(pathToFileURL(file).href) as { references?: { id: string }[] }
  return {
    file,
    ids: (mod.references ?? []).map(r => r.id),
  }
}

/** 1-based file line of a top-level frontmatter key, or the slide's first line. */
function keyLine(s: SourceSlideInfo, key: string): number {
  const i = (s.frontmatterRaw ?? '').split(/\r?\n/).findIndex(l => new RegExp(`^${key}\\s*:`).test(l))
  return i < 0
    ? slideLine(s)
    : s.start + 2 + i
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return a[i] - b[i]
  }
  return a.length - b.length
}

/**
 * Slide number for any source slide, including `src:` stubs and hidden slides that Slidev does not number:
 * those get the number of the next slide shown in deck order (position = import chain + index in file).
 */
function slideNumbering(slides: SlideInfo[], entry: string): (file: string, index: number) => number {
  const chainOf = new Map<string, number[]>([
    [entry, []],
  ])
  for (const s of slides) {
    const chain = s.importChain ?? []
    chain.forEach((c, k) => {
      if (!chainOf.has(c.filepath))
        chainOf.set(c.filepath, chain.slice(0, k).map(x => x.index))
    })
    if (!chainOf.has(s.source.filepath))
      chainOf.set(s.source.filepath, chain.map(x => x.index))
  }
  const keys = slides.map(s => [
    ...(s.importChain ?? []).map(c => c.index),
    s.source.index,
  ])
  return (file, index) => {
    const shown = slides.find(s => s.source.filepath === file && s.source.index === index)
    if (shown)
      return shown.index + 1
    const key = [
      ...(chainOf.get(file) ?? []),
      index,
    ]
    const before = keys.filter(k => compareKeys(k, key) < 0).length
    return Math.min(before + 1, Math.max(slides.length, 1))
  }
}

// ---------- figures on slides ----------

/** Units that make a number a figure someone measured or published (a year, a chapter, a count of bullets is not). */
const UNIT = [
  '[KMGTP]i?B(?:/s)?',
  '[KMGT]?bit/s',
  '[KMGT]bps',
  'B/s',
  'IOPS',
  'ns',
  '[µμu]s',
  'ms',
  'min',
  '[kMG]?Hz',
  'k?W',
  '个百分点',
  '次(?:/秒)?',
  '毫秒',
  '微秒',
  '纳秒',
  '分钟',
  '小时',
  '美元',
  // one character each: seconds, percent, times, 10⁴, 10⁸, yuan
  '[s%％倍秒万亿元]',
].join('|')
// A number not glued to a word before it (K8s, x86, v2), not a chapter (第 3 章), then its unit; a Latin unit must end there.
const FIGURE = new RegExp(`(?<![\\w.\\-/第])\\d+(?:[.,]\\d+)*(?:\\s*[–~-]\\s*\\d+(?:[.,]\\d+)*)?\\s?(?:${UNIT})(?![A-Za-z])`, 'g')

/** Figures in text a reader sees, with the 0-based line each is on. Code, tags and link targets must be masked already. */
export function figuresIn(lines: string[]): { figure: string, line: number }[] {
  const found: { figure: string, line: number }[] = []
  lines.forEach((l, line) => {
    const text = l
      .replace(/<[^>]*>/g, m => ' '.repeat(m.length))
      .replace(/\]\([^)]*\)/g, m => ' '.repeat(m.length))
    for (const m of text.matchAll(FIGURE))
      found.push({ figure: m[0], line })
  })
  return found
}

// ---------- one slide, as every rule family sees it ----------

interface SlideView {
  slide: SlideInfo
  source: SourceSlideInfo
  file: string
  no: number
  /** Body lines as in the file (frontmatter excluded, notes included). */
  body: string[]
  /** Body with code blocks, HTML comments (notes) and inline code blanked: what Vue renders as tags and text. */
  visible: string[]
  tokens: Token[]
  /** Body index of the notes comment's first line (body.length when there are none). */
  notesFrom: number
  /** 1-based file line of a body index. */
  at: (i: number) => number
}

const md = new MarkdownIt({ html: true })

function viewOf(slide: SlideInfo, fileLines: string[]): SlideView {
  const source = slide.source
  const body = fileLines.slice(source.contentStart, source.end)
  const tokens = md.parse(body.join('\n'), {})
  const masked = body.slice()
  for (const t of tokens) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.map) {
      for (let i = t.map[0]; i < t.map[1]; i++)
        masked[i] = ''
    }
  }
  const visible = masked.join('\n')
    .replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\n]/g, ' '))
    .split('\n')
    .map(l => l.replace(/(`+)[\s\S]*?\1/g, m => ' '.repeat(m.length)))
  let notesFrom = body.length
  if (slide.note?.trim()) {
    const last = body.findLastIndex(l => l.includes('<!--'))
    if (last >= 0)
      notesFrom = last
  }
  return {
    slide,
    source,
    file: source.filepath,
    no: slide.index + 1,
    body,
    visible,
    tokens,
    notesFrom,
    at: i => source.contentStart + i + 1,
  }
}

type Add = (severity: Problem['severity'], file: string, line: number, slide: number, message: string, fix: string) => void

// ---------- rule families ----------

/** YAML that parses, keys Slidev or the deck's layouts know, `src:` targets that exist (every source slide, shown or not). */
function checkFrontmatter(data: Awaited<ReturnType<typeof load>>, entryPath: string, root: string, slideNo: ReturnType<typeof slideNumbering>, add: Add, rel: (p: string) => string): void {
  const keys = knownKeys(root)
  for (const file of Object.values(data.markdownFiles) as SlidevMarkdown[]) {
    for (const s of file.slides) {
      const no = slideNo(file.filepath, s.index)
      if (s.frontmatterRaw === undefined)
        continue
      const doc = YAML.parseDocument(s.frontmatterRaw)
      if (doc.errors.length) {
        const err = doc.errors[0]
        // yaml reports an unclosed bracket or quote where the block ends; point at the last written line instead.
        const rawLines = s.frontmatterRaw.replace(/\s+$/, '').split(/\r?\n/)
        const at = s.start + 1 + Math.min(err.linePos?.[0].line ?? 1, rawLines.length)
        const what = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
        add('error', file.filepath, at, no, `frontmatter is not valid YAML: ${what}`, `fix the YAML at line ${at} (close brackets and quotes, indent nested keys, write \`key: value\`)`)
        continue
      }
      const fm: unknown = doc.toJS()
      if (fm === null || fm === undefined)
        continue
      if (typeof fm !== 'object' || Array.isArray(fm)) {
        add('error', file.filepath, slideLine(s), no, 'frontmatter is not a list of `key: value` pairs', 'write the frontmatter as `key: value` lines between the two `---`')
        continue
      }
      const isHeadmatter = file.filepath === entryPath && s.index === 0
      const allowed = isHeadmatter ? keys.head : keys.front
      for (const key of Object.keys(fm)) {
        if (allowed.size && !allowed.has(key)) {
          const guess = didYouMean(key, allowed)
          add('warning', file.filepath, keyLine(s, key), no, `unknown ${isHeadmatter ? 'headmatter' : 'frontmatter'} key \`${key}\``, guess
            ? `did you mean \`${guess}\`?`
            : `remove \`${key}\` (Slidev and the deck's layouts ignore it)`)
        }
      }
      const src = (fm as Record<string, unknown>).src
      if (typeof src === 'string') {
        const path = src.split('#')[0]
        const target = path.startsWith('/')
          ? join(root, path)
          : resolve(dirname(file.filepath), path)
        if (!existsSync(target)) {
          const siblings = existsSync(dirname(target))
            ? readdirSync(dirname(target)).filter(f => f.endsWith('.md'))
            : []
          const guess = didYouMean(basename(target), siblings)
          add('error', file.filepath, keyLine(s, 'src'), no, `src: ${src} does not exist`, guess
            ? `did you mean \`${rel(join(dirname(target), guess))}\`?`
            : `create ${rel(target)} or fix the path`)
        }
      }
    }
    // Anything else the parser noted (circular import, range beyond the file…); missing files are reported above.
    for (const err of file.errors ?? []) {
      if (!err.message.startsWith('Imported markdown file not found'))
        add('error', file.filepath, err.row + 1, slideNo(file.filepath, file.slides.findIndex(x => x.start === err.row)), err.message, 'fix the `src:` line of this slide')
    }
  }
}

/**
 * `minutes` (AUTHORING.md): a positive number where given; every `layout: chapter` divider has one; when any
 * slide has one, they add up to the headmatter's `duration`.
 */
function checkTiming(slides: SlideInfo[], headmatter: Record<string, unknown>, entryPath: string, house: boolean, add: Add): void {
  let sum = 0
  let declared = 0
  for (const slide of slides) {
    const s = slide.source
    const fm = slide.frontmatter as Record<string, unknown>
    const no = slide.index + 1
    if ('minutes' in fm) {
      const minutes = fm.minutes
      if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) {
        add('error', s.filepath, keyLine(s, 'minutes'), no, `\`minutes: ${String(minutes)}\` is not a positive number`, 'write the planned minutes as a number, e.g. `minutes: 5`')
        continue
      }
      sum += minutes
      declared++
    }
    else if (house && fm.layout === 'chapter') {
      add('error', s.filepath, keyLine(s, 'layout'), no, 'chapter divider without `minutes`', 'add `minutes: N` (the planned minutes of this chapter) to its frontmatter')
    }
  }
  if (!declared || !slides.length)
    return
  const head = slides[0].source
  const duration = parseDuration(headmatter.duration)
  const at = head.filepath === entryPath
    ? keyLine(head, 'duration')
    : 1
  sum = Math.round(sum * 100) / 100
  if (!duration) {
    add('error', entryPath, at, 1, `sections plan ${sum} minutes but the headmatter has no \`duration\``, `add \`duration: ${sum}min\` to the headmatter`)
  }
  else if (sum !== duration) {
    add('error', entryPath, at, 1, `the slides' \`minutes\` add up to ${sum}, but \`duration\` is ${duration} minutes`, `change the sections' minutes by ${duration - sum > 0
      ? '+'
      : ''}${Math.round((duration - sum) * 100) / 100} in total, or the duration`)
  }
}

/** A slide has content and a title; lists, lines of text and code blocks fit the canvas. */
function checkReadability(v: SlideView, house: boolean, add: Add): boolean {
  const { slide, source, file, no, tokens, visible, at } = v
  const layout = String(slide.frontmatter.layout ?? '')
  if (!slide.content.trim() && !CONTENTLESS_LAYOUTS.has(layout)) {
    add('error', file, slideLine(source), no, 'empty slide (no content)', `add content or remove the extra \`---\` at line ${slideLine(source)}`)
    return false
  }
  if (!house)
    return true
  if (no > 1 && !slide.title)
    add('error', file, slideLine(source), no, 'slide has no title', 'add a `# Heading` or a `title:` in its frontmatter')

  const lists: Token[][] = []
  for (const t of tokens) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      lists.push([])
    }
    else if (t.type === 'list_item_open') {
      lists.at(-1)?.push(t)
    }
    else if ((t.type === 'bullet_list_close' || t.type === 'ordered_list_close') && lists.length) {
      const items = lists.pop()!
      if (items.length > LIMITS.bullets) {
        const line = at(items[LIMITS.bullets].map?.[0] ?? 0)
        add('error', file, line, no, `${items.length} bullets in one list (limit ${LIMITS.bullets})`, `cut or merge bullets down to ${LIMITS.bullets}, or split the list at line ${line}`)
      }
    }
  }
  const textLines = new Set<number>()
  for (const t of tokens) {
    // Text lives in inline tokens; table cells carry no line map, so a table counts one line per row.
    if ((t.type === 'inline' || t.type === 'tr_open') && t.map) {
      for (let i = t.map[0]; i < t.map[1]; i++) {
        // A line that is only HTML/component tags is layout, not text to read.
        if (visible[i]?.replace(/<[^>]*>/g, '').trim())
          textLines.add(i)
      }
    }
  }
  if (textLines.size > LIMITS.textLines)
    add('error', file, at(Math.min(...textLines)), no, `${textLines.size} lines of text (limit ${LIMITS.textLines})`, `shorten the text to ${LIMITS.textLines} lines or split the slide`)
  for (const t of tokens) {
    if (t.type === 'fence' && t.map) {
      const n = t.content.replace(/\n$/, '').split('\n').length
      if (n > LIMITS.codeLines)
        add('error', file, at(t.map[0]), no, `code block of ${n} lines (limit ${LIMITS.codeLines})`, `show at most ${LIMITS.codeLines} lines: cut to the essential part or split it over clicks/slides`)
    }
  }
  return true
}

/** Markdown images, `<img src>` and frontmatter `image`/`background`: local, and there. */
function checkImages(v: SlideView, root: string, house: boolean, add: Add, rel: (p: string) => string): void {
  const { source, file, no, body, visible, tokens, at } = v
  const images: { url: string, line: number, fromFrontmatter: boolean }[] = []
  const walk = (ts: Token[], map: [number, number] | null | undefined): void => {
    for (const t of ts) {
      if (t.type === 'image') {
        const url = t.attrGet('src') ?? ''
        let i = map ? map[0] : 0
        const last = map
          ? map[1] - 1
          : 0
        while (i < last && !body[i].includes(url)) i++
        images.push({
          url,
          line: at(i),
          fromFrontmatter: false,
        })
      }
      if (t.children)
        walk(t.children, t.map ?? map)
    }
  }
  walk(tokens, null)
  visible.forEach((l, i) => {
    for (const m of l.matchAll(/<img\b[^>]*?\ssrc=["']([^"']+)["']/gi)) {
      images.push({
        url: m[1],
        line: at(i),
        fromFrontmatter: false,
      })
    }
  })
  for (const key of ['image', 'background']) {
    const value = source.frontmatter[key]
    if (typeof value === 'string' && /^(?:https?:)?\/\/|^\.{0,2}\/|\.(?:png|jpe?g|gif|svg|webp|avif)$/i.test(value)) {
      images.push({
        url: value,
        line: keyLine(source, key),
        fromFrontmatter: true,
      })
    }
  }
  for (const img of images) {
    if (!img.url || img.url.startsWith('data:'))
      continue
    if (/^(?:https?:)?\/\//i.test(img.url)) {
      const name = basename(img.url.split(/[?#]/)[0]) || 'image.png'
      if (house)
        add('error', file, img.line, no, `remote image ${img.url} (the deck must work offline)`, `download it to public/${name} and use \`/${name}\``)
      else
        add('warning', file, img.line, no, `remote image ${img.url} (presenting and printing need the network; the export stops unless --allow-remote)`, `download it to public/${name} and use \`/${name}\` to work offline`)
      continue
    }
    const path = decodeURI(img.url.split(/[?#]/)[0])
    const candidates = path.startsWith('/')
      ? [
          join(root, 'public', path),
        ]
      : [
          resolve(dirname(file), path),
          ...(img.fromFrontmatter
            ? [
                join(root, 'public', path),
              ]
            : []),
        ]
    if (!candidates.some(c => existsSync(c) && statSync(c).isFile()))
      add('error', file, img.line, no, `image ${img.url} not found`, `create ${rel(candidates[0])} or fix the path`)
  }
}

/** Every component tag is a component of the deck, a Slidev built-in or an installed icon. */
interface KnownTags {
  components: Set<string>
  builtins: Set<string>
  iconSets: string[]
}

function guessComponent(name: string, known: KnownTags): string | undefined {
  return didYouMean(name, [
    ...known.components,
    ...known.builtins,
  ])
}

function checkTags(v: SlideView, known: KnownTags, root: string, add: Add, rel: (p: string) => string): void {
  v.visible.forEach((l, i) => {
    for (const m of l.matchAll(/<([A-Z][\w-]*)(?=[\s/>])/gi)) {
      const tag = m[1]
      if (isHTMLTag(tag) || isSVGTag(tag) || isMathMLTag(tag))
        continue
      const name = toPascal(tag)
      if (known.components.has(name) || known.builtins.has(name) || (tag.includes('-') && iconExists(tag, root)))
        continue
      // UnoCSS writes icons as classes `i-carbon-x`; as a tag Slidev resolves only `carbon-x`.
      if (tag.startsWith('i-') && iconExists(tag.slice(2), root)) {
        add('error', v.file, v.at(i), v.no, `unknown component <${tag}> (Slidev draws nothing for it)`, `write the icon without the \`i-\` prefix: <${tag.slice(2)} />`)
        continue
      }
      // An icon of a set that is not installed: Slidev's build stops on it ("icon collection … not found").
      const set = tag.includes('-') && !known.iconSets.some(s => tag.startsWith(`${s}-`))
        ? tag.split('-')[0]
        : undefined
      if (set && /^[a-z][a-z\d]*$/.test(set) && !guessComponent(name, known)) {
        add('error', v.file, v.at(i), v.no, `unknown component <${tag}>`, `if it is an Iconify icon, install its set: npm i -D @iconify-json/${set}; else create ${rel(join(root, 'components', `${name}.vue`))}`)
        continue
      }
      const guess = guessComponent(name, known)
      add('error', v.file, v.at(i), v.no, `unknown component <${tag}>`, guess
        ? `did you mean \`${guess}\`?`
        : `create ${rel(join(root, 'components', `${name}.vue`))} or fix the tag name`)
    }
  })
}

/** Speaker notes: present, not a placeholder, `[click]` markers instead of hand-written cues, no timing prose, fit the pane. */
function checkNotes(v: SlideView, add: Add): void {
  const { slide, source, file, no, body, notesFrom, at } = v
  const note = slide.note?.trim() ?? ''
  if (no > 1) {
    if (!note)
      add('error', file, slideLine(source), no, 'slide has no speaker notes', 'add a `<!-- notes -->` block at the end of the slide')
    else if (PLACEHOLDER_NOTE.test(note))
      add('warning', file, slideLine(source), no, `speaker notes are a placeholder ("${note.slice(0, 20)}")`, 'write what to say on this slide in the `<!-- -->` block at its end')
  }
  if (!note)
    return
  for (let i = notesFrom; i < body.length; i++) {
    const cue = body[i].match(HANDWRITTEN_CLICK)?.[0]
    if (cue)
      add('error', file, at(i), no, `hand-written click cue "${cue}" in the notes`, 'use a [click] marker: start the paragraph with `[click]` so the presenter view highlights it')
    const timing = body[i].match(TIMING_PROSE)?.[0]
    if (timing)
      add('warning', file, at(i), no, `timing in the notes ("${timing}")`, 'declare minutes in the divider\'s frontmatter (`minutes: N`) and drop the sentence')
  }
  const units = readingUnits(attendeeNarration(note))
  if (units > NOTES_PANE_UNITS)
    add('warning', file, at(notesFrom), no, `speaker notes of ${units} reading units do not fit the presenter's notes pane (limit ${NOTES_PANE_UNITS})`, 'cut the notes, or move detail into a 【提示】 stage direction or the next slide')
}

interface Citations {
  file: string
  ids: string[]
  cited: Set<string>
  /** The slide showing `<References />`. */
  listSlide?: SlideInfo
}

/** The headmatter fields a layout draws itself, by the talk-info names it reads (node/deck/talk.ts: `talk.speaker` …). */
const TALK_FIELDS: Record<string, string> = {
  speaker: 'author',
  affiliation: 'affiliation',
  event: 'event',
  date: 'date',
  siteUrl: 'siteUrl',
}

/** A slide that writes out a headmatter field its layout already draws (the cover's speaker line twice). */
function checkLayoutDraws(v: SlideView, headmatter: Record<string, unknown>, root: string, add: Add, rel: (p: string) => string): void {
  const layout = v.slide.frontmatter?.layout
  const file = typeof layout === 'string'
    ? join(root, 'layouts', `${layout}.vue`)
    : ''
  if (!file || !existsSync(file))
    return
  const source = readText(file)
  const repeats = new Map<number, string[]>()
  v.visible.slice(0, v.notesFrom).forEach((line, i) => {
    for (const [name, key] of Object.entries(TALK_FIELDS)) {
      const field = headmatter[key]
      const value = (field instanceof Date
        ? field.toISOString().slice(0, 10)
        : String(field ?? '')).trim()
      if (new RegExp(`\\btalk\\.${name}\\b`).test(source) && (new RegExp(`\\bconfigs\\.${key}\\b`).test(line) || (value.length >= 2 && line.includes(value)))) {
        repeats.set(i, [
          ...repeats.get(i) ?? [],
          `\`${key}\``,
        ])
      }
    }
  })
  for (const [i, keys] of repeats)
    add('warning', v.file, v.at(i), v.no, `the slide repeats the headmatter's ${keys.join(', ')}, which the ${layout} layout already shows`, `remove it from the slide: ${rel(file)} draws it from the headmatter`)
}

/** `<Cite id>` names a source; a figure on a slide carries one. */
function checkCitations(v: SlideView, refs: Citations, house: boolean, add: Add, rel: (p: string) => string): void {
  let cites = false
  v.visible.forEach((l, i) => {
    for (const m of l.matchAll(/<Cite\b[^>]*?\sid=["']([^"']*)["']/g)) {
      cites = true
      refs.cited.add(m[1])
      if (!refs.ids.includes(m[1])) {
        const guess = didYouMean(m[1], refs.ids)
        add('error', v.file, v.at(i), v.no, `<Cite id="${m[1]}"> has no entry in ${rel(refs.file)}`, guess
          ? `did you mean \`${guess}\`?`
          : `add an entry with id '${m[1]}' to ${rel(refs.file)} or fix the id`)
      }
    }
    if (/<References\b/.test(l))
      refs.listSlide ??= v.slide
  })
  if (!house || cites || v.visible.some(l => /<Cite\b/.test(l)))
    return
  const [first] = figuresIn(v.visible.slice(0, v.notesFrom))
  if (first)
    add('warning', v.file, v.at(first.line), v.no, `figure "${first.figure}" without a citation`, 'add <Cite id="…" /> naming its source (an id from data/references.ts), or move the figure to the notes')
}

/** Every source is cited somewhere, and some slide shows the list. */
function checkReferenceList(slides: SlideInfo[], refs: Citations, add: Add, rel: (p: string) => string): void {
  if (!refs.ids.length || !slides.length)
    return
  const last = slides[slides.length - 1]
  const listSlide = refs.listSlide ?? last
  if (!refs.listSlide)
    add('error', last.source.filepath, slideLine(last.source), last.index + 1, 'no slide shows the reference list', 'add `<References />` to the references slide')
  const refText = readText(refs.file).split(/\r?\n/)
  for (const id of refs.ids) {
    if (refs.cited.has(id))
      continue
    const line = refText.findIndex(l => l.includes(`'${id}'`) || l.includes(`"${id}"`)) + 1
    add('error', refs.file, Math.max(line, 1), listSlide.index + 1, `reference \`${id}\` is never cited`, `cite it with <Cite id="${id}" /> on the slide that uses it, or remove it from ${rel(refs.file)}`)
  }
}

// ---------- the check ----------

export async function checkDeck(entry: string): Promise<Problem[]> {
  const entryPath = resolve(entry)
  const root = dirname(entryPath)
  const rel = (p: string): string => relative(process.cwd(), p) || p
  const problems: Problem[] = []
  const add: Add = (severity, file, line, slide, message, fix) => {
    problems.push({
      severity,
      file: rel(file),
      line,
      slide,
      message,
      fix,
    })
  }
  if (!existsSync(entryPath)) {
    add('error', entryPath, 1, 1, 'entry file does not exist', `create ${rel(entryPath)} or pass the right path`)
    return problems
  }
  let data: Awaited<ReturnType<typeof load>>
  try {
    data = await load({
      userRoot: root,
      roots: [root],
    }, entryPath)
  }
  catch (e) {
    add('error', entryPath, 1, 1, `Slidev's parser failed: ${(e as Error).message}`, 'fix the Markdown/frontmatter it names, then run the check again')
    return problems
  }
  const slides = data.slides
  checkFrontmatter(data, entryPath, root, slideNumbering(slides, entryPath), add, rel)
  const house = hasHouseRules(data.headmatter as Record<string, unknown>)
  checkTiming(slides, data.headmatter as Record<string, unknown>, entryPath, house, add)

  const known: KnownTags = {
    components: new Set(filesUnder(join(root, 'components'), '.vue').map(f => basename(f, '.vue'))),
    builtins: new Set([
      ...(existsSync(inModules(SLIDEV_SOURCES.builtinDir))
        ? readdirSync(inModules(SLIDEV_SOURCES.builtinDir))
        : [])
        .filter(f => /^[A-Z]\w*\.(?:vue|ts)$/.test(f) && !f.endsWith('.test.ts'))
        .map(f => basename(f, extname(f))),
      ...EXTRA_COMPONENTS,
    ]),
    iconSets: iconSets(root).map(s => s.set),
  }
  const own = await loadReferences(root)
  const refs: Citations | undefined = own && {
    ...own,
    cited: new Set(),
  }
  const fileText = new Map<string, string[]>()
  for (const slide of slides) {
    const file = slide.source.filepath
    if (!fileText.has(file))
      fileText.set(file, readText(file).split(/\r?\n/))
    const view = viewOf(slide, fileText.get(file) ?? [])
    if (!checkReadability(view, house, add))
      continue
    if (house)
      checkNotes(view, add)
    checkLayoutDraws(view, data.headmatter as Record<string, unknown>, root, add, rel)
    checkImages(view, root, house, add, rel)
    checkTags(view, known, root, add, rel)
    if (refs)
      checkCitations(view, refs, house, add, rel)
  }
  if (refs && house)
    checkReferenceList(slides, refs, add, rel)

  const rank = { error: 0, warning: 1 }
  return problems.sort((a, b) => rank[a.severity] - rank[b.severity] || a.slide - b.slide || a.file.localeCompare(b.file) || a.line - b.line)
}

// ---------- the notes report ----------

export interface NotesReport {
  chapters: { title: string, firstSlide: number, lastSlide: number, plannedMinutes: number, notesMinutes: number }[]
  plannedMinutes: number
  notesMinutes: number
  durationMinutes: number
  unitsPerMinute: number
}

/** Note reading minutes per chapter (at 240 units a minute, stage directions left out) beside the planned `minutes`. */
export function notesReport(deck: Deck): NotesReport {
  const round = (n: number): number => Math.round(n * 10) / 10
  const t = messages(deck.lang)
  const chapters = sectionsOf(deck).map(({ chapter, slides }) => {
    return {
      title: chapter?.title ?? t.opening,
      firstSlide: slides[0].no,
      lastSlide: slides.at(-1)!.no,
      plannedMinutes: slides.reduce((sum, s) => sum + (s.minutes ?? 0), 0),
      notesMinutes: round(slides.reduce((sum, s) => sum + readingMinutes(s.notes), 0)),
    }
  })
  return {
    chapters,
    plannedMinutes: chapters.reduce((sum, c) => sum + c.plannedMinutes, 0),
    notesMinutes: round(deck.slides.reduce((sum, s) => sum + readingMinutes(s.notes), 0)),
    durationMinutes: deck.durationMinutes,
    unitsPerMinute: READING_UNITS_PER_MINUTE,
  }
}

export function formatNotesReport(report: NotesReport): string {
  const rows = report.chapters.map(c => [
    `${c.firstSlide}–${c.lastSlide}`,
    c.title,
    c.plannedMinutes
      ? String(c.plannedMinutes)
      : '–',
    c.notesMinutes.toFixed(1),
  ])
  rows.push([
    '',
    'total',
    report.plannedMinutes
      ? String(report.plannedMinutes)
      : '–',
    report.notesMinutes.toFixed(1),
  ])
  const head = [
    'slides',
    'chapter',
    'planned min',
    'notes min',
  ]
  // Chinese characters take two columns in a terminal.
  const columns = (text: string): number => [...text].reduce((n, ch) => n + (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch)
    ? 2
    : 1), 0)
  const width = head.map((h, i) => Math.max(columns(h), ...rows.map(r => columns(r[i]))))
  const pad = (cell: string, i: number): string => {
    const space = ' '.repeat(width[i] - columns(cell))
    return i === 1
      ? cell + space
      : space + cell
  }
  const line = (r: string[]): string => r.map(pad).join('  ').trimEnd()
  return [
    `Notes (information): reading time at ${report.unitsPerMinute} units a minute, stage directions left out${report.durationMinutes
      ? `; the talk is ${report.durationMinutes} min`
      : ''}`,
    line(head),
    ...rows.map(line),
  ].join('\n')
}

/** One line a problem: `file:line  slide N  what is wrong  how to fix`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}  slide ${p.slide}  ${p.message}  ${p.fix}`
}

export function formatReport(problems: Problem[]): string {
  const errors = problems.filter(p => p.severity === 'error')
  const warnings = problems.filter(p => p.severity === 'warning')
  const out: string[] = []
  if (errors.length)
    out.push(`Errors (${errors.length})`, ...errors.map(formatProblem), '')
  if (warnings.length)
    out.push(`Warnings (${warnings.length})`, ...warnings.map(formatProblem), '')
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1
    ? ''
    : 's'}`
  out.push(problems.length
    ? `${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`
    : 'No problems found')
  return out.join('\n')
}

/** `lectern check` (node/main.ts dispatches to it). */
export function cli(argv: string[]): Promise<number> {
  return runCli({
    name: 'lectern check',
    summary: 'Check a Slidev deck for what would break, overflow or go uncited (one line a problem: `file:line  slide N  what  fix`), then report the notes\' reading minutes per chapter.',
    positionals: '[entry=slides.md]',
    options: {
      json: { type: 'boolean', help: 'print { problems, notes } as JSON instead' },
    },
    run: async ({ values, positionals }) => {
      const entry = positionals[0] ?? 'slides.md'
      const problems = await checkDeck(entry)
      // The report needs a deck that parses; when it does not, the problems above say why.
      const notes = await readDeck(entry).then(notesReport, () => undefined)
      if (values.json) {
        console.log(JSON.stringify({ problems, notes }, null, 2))
      }
      else {
        console.log([
          formatReport(problems),
          ...(notes
            ? [
                '',
                formatNotesReport(notes),
              ]
            : []),
        ].join('\n'))
      }
      return problems.some(p => p.severity === 'error')
        ? 1
        : 0
    },
  }, argv)
}
