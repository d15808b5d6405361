/**
 * Deck checker: finds what would break, overflow or go uncited before the talk is given.
 *   node tools/check.ts [entry=slides.md]   → one line a problem, errors first; exit 1 on any error.
 * Tests call `checkDeck()`; the CLI at the bottom only prints.
 *
 * Where things are looked up — the deck root is the folder of the entry file:
 *   <root>/components/**.vue   the deck's components (plus Slidev's built-ins and installed icon sets);
 *   <root>/public/             absolute image paths (`/x.png`); relative paths resolve beside the .md file;
 *   <root>/data/references.ts  the sources `<Cite id>` must name; when the deck has none, the project's
 *                              own data/references.ts (beside this tools/ folder) is used instead.
 * The slide list comes from Slidev's own parser (`load`), so slide numbers match what Slidev shows.
 * `src:` targets and frontmatter YAML are checked here as well, because the parser only records
 * those faults on the side and carries on.
 */
import type { SlideInfo, SlidevMarkdown, SourceSlideInfo } from '@slidev/types'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { load } from '@slidev/parser/fs'
import { isHTMLTag, isMathMLTag, isSVGTag } from '@vue/shared'
import MarkdownIt from 'markdown-it'
import YAML from 'yaml'

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

/** Readability limits for one slide on the 980×552 canvas. */
/** Readability limits. Bullets count per list (two short columns side by side read fine); lines per slide. */
export const LIMITS = { bullets: 7, textLines: 12, codeLines: 22 }

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
const SLIDEV_CLIENT = join(PROJECT_ROOT, 'node_modules/@slidev/client')
const SLIDEV_TYPES = join(PROJECT_ROOT, 'node_modules/@slidev/types/dist/index.d.mts')
const ICON_SETS = join(PROJECT_ROOT, 'node_modules/@iconify-json')

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

/**
 * Known frontmatter keys, taken from Slidev itself: the field lists in @slidev/client/constants.ts and the
 * `Frontmatter` / `Headmatter` interfaces of @slidev/types (read as text: Node does not strip types
 * inside node_modules, and the types package exports no runtime list).
 */
function knownKeys(): { front: Set<string>, head: Set<string> } {
  const dts = readText(SLIDEV_TYPES)
  const constants = readText(join(SLIDEV_CLIENT, 'constants.ts'))
  const front = new Set([
    ...constantList(constants, 'FRONTMATTER_FIELDS'),
    ...interfaceKeys(dts, 'Frontmatter'),
    ...interfaceKeys(dts, 'TransitionOptions'),
    ...LAYOUT_PROPS,
  ])
  const head = new Set([
    ...front,
    ...constantList(constants, 'HEADMATTER_FIELDS'),
    ...interfaceKeys(dts, 'Headmatter'),
    ...interfaceKeys(dts, 'HeadmatterConfig'),
  ])
  return { front, head }
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1]
        ? 0
        : 1))
    }
    prev = cur
  }
  return prev[b.length]
}

/** The closest candidate if it is close enough to be a typo (case-insensitive). */
function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3))
    ? best
    : undefined
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

/** Icon components such as `<carbon-arrow-right />`, resolved by Slidev from installed @iconify-json sets. */
function iconExists(tag: string): boolean {
  if (!existsSync(ICON_SETS))
    return false
  for (const set of readdirSync(ICON_SETS)) {
    if (!tag.startsWith(`${set}-`))
      continue
    try {
      const json = JSON.parse(readText(join(ICON_SETS, set, 'icons.json'))) as { icons?: object, aliases?: object }
      const name = tag.slice(set.length + 1)
      if (name in (json.icons ?? {}) || name in (json.aliases ?? {}))
        return true
    }
    catch {}
  }
  return false
}

/** Sources the deck may cite; the deck's own list, else the project's. */
async function loadReferences(root: string): Promise<{ file: string, ids: string[] }> {
  const own = join(root, 'data/references.ts')
  const file = existsSync(own)
    ? own
    : join(PROJECT_ROOT, 'data/references.ts')
  if (!existsSync(file))
    return { file, ids: [] }
  const mod = await import(pathToFileURL(file).href) as { references?: { id: string }[] }
  return {
    file,
    ids: (mod.references ?? []).map(r => r.id),
  }
}

/**
 * The line a slide begins on, 1-based: its `---` (separator or frontmatter opener), or line 1.
 * The parser's `start` is 0-based and points at the frontmatter `---` when there is frontmatter,
 * but at the line *after* a bare `---` separator when there is none (checked against the fixtures).
 */
function slideLine(s: SourceSlideInfo): number {
  return s.contentStart > s.start
    ? s.start + 1
    : Math.max(s.start, 1)
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

// ---------- the check ----------

const md = new MarkdownIt({ html: true })

export async function checkDeck(entry: string): Promise<Problem[]> {
  const entryPath = resolve(entry)
  const root = dirname(entryPath)
  const rel = (p: string): string => relative(process.cwd(), p) || p
  const problems: Problem[] = []

  if (!existsSync(entryPath)) {
    return [
      {
        severity: 'error',
        file: rel(entryPath),
        line: 1,
        slide: 1,
        message: 'entry file does not exist',
        fix: `create ${rel(entryPath)} or pass the right path`,
      },
    ]
  }

  let data: Awaited<ReturnType<typeof load>>
  try {
    data = await load({
      userRoot: root,
      roots: [root],
    }, entryPath)
  }
  catch (e) {
    return [
      {
        severity: 'error',
        file: rel(entryPath),
        line: 1,
        slide: 1,
        message: `Slidev's parser failed: ${(e as Error).message}`,
        fix: 'fix the Markdown/frontmatter it names, then run the check again',
      },
    ]
  }
  const slides = data.slides
  const slideNo = slideNumbering(slides, entryPath)
  const add = (severity: Problem['severity'], file: string, line: number, slide: number, message: string, fix: string): void => {
    problems.push({
      severity,
      file: rel(file),
      line,
      slide,
      message,
      fix,
    })
  }

  // --- structure: src targets, YAML, frontmatter keys (every source slide, shown or not) ---
  const keys = knownKeys()
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
            : `remove \`${key}\` (Slidev and its layouts ignore it)`)
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

  // --- per-slide content ---
  const components = new Set([
    ...filesUnder(join(root, 'components'), '.vue').map(f => basename(f, '.vue')),
  ])
  const builtins = new Set([
    ...(existsSync(join(SLIDEV_CLIENT, 'builtin'))
      ? readdirSync(join(SLIDEV_CLIENT, 'builtin'))
      : [])
      .filter(f => /^[A-Z]\w*\.(?:vue|ts)$/.test(f) && !f.endsWith('.test.ts'))
      .map(f => basename(f, extname(f))),
    ...EXTRA_COMPONENTS,
  ])
  const refs = await loadReferences(root)
  const cited = new Set<string>()
  let referencesSlide: SlideInfo | undefined
  const fileText = new Map<string, string[]>()

  for (const slide of slides) {
    const s = slide.source
    const file = s.filepath
    const no = slide.index + 1
    if (!fileText.has(file))
      fileText.set(file, readText(file).split(/\r?\n/))
    const fileLines = fileText.get(file) ?? []
    // Body lines as in the file (frontmatter excluded, notes included); `at(i)` turns a body index into a file line.
    const body = fileLines.slice(s.contentStart, s.end)
    const at = (i: number): number => s.contentStart + i + 1
    const tokens = md.parse(body.join('\n'), {})

    // Mask code and comments so tags and citations are only found where Vue will see them.
    const masked = body.slice()
    for (const t of tokens) {
      if ((t.type === 'fence' || t.type === 'code_block') && t.map) {
        for (let i = t.map[0]; i < t.map[1]; i++)
          masked[i] = ''
      }
    }
    const maskedText = masked.join('\n').replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\n]/g, ' '))
    const lines = maskedText.split('\n').map(l => l.replace(/(`+)[\s\S]*?\1/g, m => ' '.repeat(m.length)))

    const content = slide.content.trim()
    const layout = String(slide.frontmatter.layout ?? '')
    if (!content && !CONTENTLESS_LAYOUTS.has(layout)) {
      add('error', file, slideLine(s), no, 'empty slide (no content)', `add content or remove the extra \`---\` at line ${slideLine(s)}`)
      continue
    }
    if (no > 1) {
      if (!slide.title)
        add('error', file, slideLine(s), no, 'slide has no title', 'add a `# Heading` or a `title:` in its frontmatter')
      if (!slide.note?.trim())
        add('error', file, slideLine(s), no, 'slide has no speaker notes', 'add a `<!-- notes -->` block at the end of the slide')
      else if (PLACEHOLDER_NOTE.test(slide.note))
        add('warning', file, slideLine(s), no, `speaker notes are a placeholder ("${slide.note.trim().slice(0, 20)}")`, 'write what to say on this slide in the `<!-- -->` block at its end')
    }

    // Readability: bullets, lines of text, code block length.
    const lists: (typeof tokens)[] = []
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
          if (lines[i]?.replace(/<[^>]*>/g, '').trim())
            textLines.add(i)
        }
      }
    }
    if (textLines.size > LIMITS.textLines) {
      const first = Math.min(...textLines)
      add('error', file, at(first), no, `${textLines.size} lines of text (limit ${LIMITS.textLines})`, `shorten the text to ${LIMITS.textLines} lines or split the slide`)
    }
    for (const t of tokens) {
      if (t.type === 'fence' && t.map) {
        const n = t.content.replace(/\n$/, '').split('\n').length
        if (n > LIMITS.codeLines)
          add('error', file, at(t.map[0]), no, `code block of ${n} lines (limit ${LIMITS.codeLines})`, `show at most ${LIMITS.codeLines} lines: cut to the essential part or split it over clicks/slides`)
      }
    }

    // Images: Markdown, <img src>, frontmatter image/background.
    const images: { url: string, line: number, fromFrontmatter: boolean }[] = []
    const walk = (ts: typeof tokens, map: [number, number] | null | undefined): void => {
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
    lines.forEach((l, i) => {
      for (const m of l.matchAll(/<img\b[^>]*?\ssrc=["']([^"']+)["']/gi)) {
        images.push({
          url: m[1],
          line: at(i),
          fromFrontmatter: false,
        })
      }
    })
    for (const key of ['image', 'background']) {
      const v = s.frontmatter[key]
      if (typeof v === 'string' && /^(?:https?:)?\/\/|^\.{0,2}\/|\.(?:png|jpe?g|gif|svg|webp|avif)$/i.test(v)) {
        images.push({
          url: v,
          line: keyLine(s, key),
          fromFrontmatter: true,
        })
      }
    }
    for (const img of images) {
      if (!img.url || img.url.startsWith('data:'))
        continue
      if (/^(?:https?:)?\/\//i.test(img.url)) {
        const name = basename(img.url.split(/[?#]/)[0]) || 'image.png'
        add('error', file, img.line, no, `remote image ${img.url} (the deck must work offline)`, `download it to public/${name} and use \`/${name}\``)
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

    // Components and citations.
    lines.forEach((l, i) => {
      for (const m of l.matchAll(/<([A-Z][\w-]*)(?=[\s/>])/gi)) {
        const tag = m[1]
        if (isHTMLTag(tag) || isSVGTag(tag) || isMathMLTag(tag))
          continue
        const name = toPascal(tag)
        if (components.has(name) || builtins.has(name) || (tag.includes('-') && iconExists(tag)))
          continue
        const guess = didYouMean(name, [
          ...components,
          ...builtins,
        ])
        add('error', file, at(i), no, `unknown component <${tag}>`, guess
          ? `did you mean \`${guess}\`?`
          : `create ${rel(join(root, 'components', `${name}.vue`))} or fix the tag name`)
      }
      for (const m of l.matchAll(/<Cite\b[^>]*?\sid=["']([^"']*)["']/g)) {
        cited.add(m[1])
        if (!refs.ids.includes(m[1])) {
          const guess = didYouMean(m[1], refs.ids)
          add('error', file, at(i), no, `<Cite id="${m[1]}"> has no entry in ${rel(refs.file)}`, guess
            ? `did you mean \`${guess}\`?`
            : `add an entry with id '${m[1]}' to ${rel(refs.file)} or fix the id`)
        }
      }
      if (/<References\b/.test(l))
        referencesSlide ??= slide
    })
  }

  // --- the reference list as a whole ---
  if (refs.ids.length && slides.length) {
    const last = slides[slides.length - 1]
    const listSlide = referencesSlide ?? last
    if (!referencesSlide)
      add('error', last.source.filepath, slideLine(last.source), last.index + 1, 'no slide shows the reference list', 'add `<References />` to the references slide')
    const refText = readText(refs.file).split(/\r?\n/)
    for (const id of refs.ids) {
      if (cited.has(id))
        continue
      const line = refText.findIndex(l => l.includes(`'${id}'`) || l.includes(`"${id}"`)) + 1
      add('error', refs.file, Math.max(line, 1), listSlide.index + 1, `reference \`${id}\` is never cited`, `cite it with <Cite id="${id}" /> on the slide that uses it, or remove it from ${rel(refs.file)}`)
    }
  }

  const rank = { error: 0, warning: 1 }
  return problems.sort((a, b) => rank[a.severity] - rank[b.severity] || a.slide - b.slide || a.file.localeCompare(b.file) || a.line - b.line)
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
  out.push(problems.length
    ? `${errors.length} error${errors.length === 1
      ? ''
      : 's'}, ${warnings.length} warning${warnings.length === 1
      ? ''
      : 's'}`
    : 'No problems found')
  return out.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = await checkDeck(process.argv[2] ?? 'slides.md')
  console.log(formatReport(problems))
  process.exitCode = problems.some(p => p.severity === 'error')
    ? 1
    : 0
}
