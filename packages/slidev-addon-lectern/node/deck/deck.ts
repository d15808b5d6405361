/**
 * The deck as the tools see it: slides with their number, title, chapter, source file and line,
 * and speaker notes, read with Slidev's own parser so numbering matches what Slidev shows.
 *
 * Chapters come from the deck's own structure, or there are none:
 * - a deck split into files with `src:` imports: each run of slides from one file is a chapter, named by
 *   its first slide's title — except the run that holds slide 1 (the opening belongs to no chapter);
 * - otherwise, each divider slide (`layout: section` or `layout: chapter`) opens a chapter named by its title;
 * - otherwise no chapters. Slides before the first chapter are the opening (`sectionsOf`).
 * References: the deck's own `data/references.ts` beside its entry (exporting `references: Reference[]`),
 * or none.
 */
import type { SourceSlideInfo } from '@slidev/types'
import { existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { load } from '@slidev/parser/fs'
import { messages } from '../../shared/messages.ts'

/**
 * The headmatter key a deck opts into this talk's house rules with (`houseRules: true`): the checker's
 * notes, limits and citation rules (tools/check.ts) and the density targets (tools/density.ts).
 */
export const HOUSE_RULES_KEY = 'houseRules'

/** Does this headmatter opt into the house rules? */
export function hasHouseRules(headmatter: Record<string, unknown>): boolean {
  return headmatter[HOUSE_RULES_KEY] === true
}

/** One source in a deck's `data/references.ts` (`export const references: Reference[]`). */
export interface Reference {
  /** Key used by `<Cite id>` — author + year, lower case. */
  id: string
  authors: string
  title: string
  /** Journal, conference, document series or site. */
  venue: string
  year: number
  url?: string
  /** Label shown by `<Cite>` when the first author's surname would not read well (organisations, docs). */
  short?: string
}

export interface DeckSlide {
  /** 1-based, as in the slide URL. */
  no: number
  title: string
  /** Path relative to the project root. */
  file: string
  /** 1-based line of the slide's first line in its file. */
  line: number
  /** Speaker notes as Markdown ('' when none). */
  notes: string
  /** The slide's Markdown body, without frontmatter and notes. */
  content: string
  /** The slide's frontmatter (layout, props, `minutes` …). */
  frontmatter: Record<string, unknown>
  /** Planned minutes of the section this slide opens (cover, chapter divider, closing); see AUTHORING.md. */
  minutes?: number
}

export interface Chapter {
  title: string
  firstSlide: number
  lastSlide: number
}

/** Who gives the talk, where, and where it lives: set once in the headmatter (see README). */
export interface TalkInfo {
  /** The speaker's name: Slidev's `author`. */
  speaker: string
  affiliation: string
  event: string
  date: string
  /** The hosted site's absolute URL ending in `/`, or '' when unknown (`--site-url` overrides the headmatter). */
  siteUrl: string
}

export interface Deck {
  title: string
  author: string
  talk: TalkInfo
  /** The headmatter's `duration` in minutes (0 when not set). */
  durationMinutes: number
  /** The headmatter's `info`, Markdown as written ('' when not set). */
  info: string
  /** `info` as plain text (PDF Subject, page descriptions). */
  infoText: string
  keywords: string[]
  /** The headmatter's `lang`; 'en' when not set. */
  lang: string
  /** The deck opts into the house rules (`houseRules: true`). */
  houseRules: boolean
  canvasWidth: number
  aspectRatio: number
  slides: DeckSlide[]
  chapters: Chapter[]
  /** The deck's own sources (`data/references.ts` beside its entry file); [] when it has none. */
  references: Reference[]
}

/**
 * The line a slide begins on, 1-based: its `---` (separator or frontmatter opener), or line 1 — the one
 * place this is computed (check, export, gate and handout all name slides by it). The parser's `start` is
 * 0-based and points at the frontmatter `---` when there is frontmatter, but at the line *after* a bare
 * `---` separator when there is none.
 */
export function slideLine(source: Pick<SourceSlideInfo, 'start' | 'contentStart'>): number {
  return source.contentStart > source.start
    ? source.start + 1
    : Math.max(source.start, 1)
}

/**
 * Reads the deck whose entry is `entry` (relative to `root`). The deck's own folder is Slidev's user root
 * (`src: /x.md`, components, public/); `file` paths in the result are relative to `root`.
 */
export async function readDeck(entry = 'slides.md', root = process.cwd()): Promise<Deck> {
  const entryPath = resolve(root, entry)
  if (!existsSync(entryPath))
    throw new Error(`${entry} not found in ${root} — run from the project folder or pass the deck's entry file`)
  const deckRoot = dirname(entryPath)
  const data = await load({
    userRoot: deckRoot,
    roots: [deckRoot],
  }, entryPath)
  // The parser records a missing `src:` target or broken frontmatter and carries on; we stop here.
  const problems = Object.values(data.markdownFiles).flatMap(md => (md.errors ?? []).map(e =>
    `${relative(root, md.filepath)}:${e.row + 1}  ${e.message.replace(`${root}/`, '')} — fix the path or create the file (npm run check lists every problem)`))
  if (problems.length)
    throw new Error(problems.join('\n'))
  const head = data.headmatter as Record<string, any>
  const lang = String(head.lang ?? 'en')
  const t = messages(lang)
  const slides: DeckSlide[] = []
  const chapters: Chapter[] = []
  const byFile = data.slides.some(s => s.importChain?.length)
  let lastFile = ''
  for (const slide of data.slides) {
    const file = relative(root, slide.source.filepath)
    const no = slide.index + 1
    const title = plainTitle((slide.source.frontmatter.title as string | undefined) ?? slide.title) || t.slideNo(no)
    const opens = byFile
      ? file !== lastFile && no > 1
      : ['section', 'chapter'].includes(String(slide.frontmatter.layout))
    lastFile = file
    if (opens) {
      chapters.push({
        title,
        firstSlide: no,
        lastSlide: no,
      })
    }
    if (chapters.length)
      chapters.at(-1)!.lastSlide = no
    slides.push({
      no,
      title,
      file,
      line: slideLine(slide.source),
      notes: (slide.note ?? '').trim(),
      content: slide.content,
      frontmatter: slide.frontmatter as Record<string, unknown>,
      minutes: typeof slide.frontmatter.minutes === 'number'
        ? slide.frontmatter.minutes
        : undefined,
    })
  }
  const aspect = String(head.aspectRatio ?? '16/9').split(/[/:]/).map(Number)
  return {
    title: head.title ?? 'Slidev',
    author: head.author ?? '',
    talk: {
      speaker: String(head.author ?? ''),
      affiliation: String(head.affiliation ?? ''),
      event: String(head.event ?? ''),
      date: String(head.date ?? ''),
      siteUrl: normalizeSiteUrl(String(head.siteUrl ?? '')),
    },
    durationMinutes: parseDuration(head.duration),
    info: String(head.info ?? '').trim(),
    infoText: markdownText(String(head.info ?? '')),
    keywords: String(head.keywords ?? '').split(/[,，]/).map(k => k.trim()).filter(Boolean),
    lang,
    houseRules: hasHouseRules(head),
    canvasWidth: Number(head.canvasWidth ?? 980),
    aspectRatio: aspect.length === 2
      ? aspect[0] / aspect[1]
      : 16 / 9,
    slides,
    chapters,
    references: await ownReferences(deckRoot),
  }
}

async function ownReferences(deckRoot: string): Promise<Reference[]> {
  const file = join(deckRoot, 'data/references.ts')
  if (!existsSync(file))
    return []
  const mod = await import(pathToFileURL(file).href) as { references?: Reference[] }
  return mod.references ?? []
}

/** `45min`, `1h30min`, `45` → minutes; 0 when absent or unreadable. */
export function parseDuration(value: unknown): number {
  if (typeof value === 'number')
    return value
  const text = String(value ?? '').trim()
  const m = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*(?:min|m)?)?$/.exec(text)
  if (!text || !m)
    return 0
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)
}

/** An absolute http(s) URL with a trailing slash, or '' — throws on anything else so a typo is caught at build. */
export function normalizeSiteUrl(url: string): string {
  if (!url)
    return ''
  let parsed: URL
  try {
    parsed = new URL(url)
  }
  catch {
    throw new Error(`site URL "${url}" is not an absolute URL — write it like https://talks.example.org/virt/`)
  }
  if (!/^https?:$/.test(parsed.protocol))
    throw new Error(`site URL "${url}" must start with http:// or https://`)
  return parsed.href.endsWith('/')
    ? parsed.href
    : `${parsed.href}/`
}

/** A heading as readers see it: no component tags (`<Cite … />`), no Markdown emphasis, TeX as its words (`$\\LaTeX$` → LaTeX). */
export function plainTitle(title: string | undefined): string {
  // Emphasis marks go; an underscore inside a word (KVM_RUN) is part of the word.
  const unmarked = (title ?? '').replace(/<[^>]*>/g, '').replace(/[*`]/g, '').replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '')
  return plainMath(unmarked).replace(/\s+/g, ' ').trim()
}

/** Inline TeX (`$…$`) as plain words: commands lose their backslash, braces and dollars go. */
function plainMath(text: string): string {
  return text.replace(/\$([^$\n]+)\$/g, (_, tex: string) => tex.replace(/\\([a-z]+)\s*/gi, '$1').replace(/[{}]/g, ''))
}

/** Markdown (headmatter `info`) as one line of plain text: no heading marks, links as their text, no tags. */
export function markdownText(md: string): string {
  return plainMath(md)
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|>\s?)/gm, '')
    .replace(/[*_`]/g, '')
    .split(/\n\s*\n/)
    .map(p => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map(p => /[.!?。！？:：]$/.test(p)
      ? p
      : `${p}.`)
    .join(' ')
}

/** The slides of one chapter, in order. */
export function slidesOf(deck: Deck, chapter: Chapter): DeckSlide[] {
  return deck.slides.filter(s => s.no >= chapter.firstSlide && s.no <= chapter.lastSlide)
}

/** The whole deck in order: the opening (slides before the first chapter, no chapter), then each chapter. */
export function sectionsOf(deck: Deck): { chapter?: Chapter, slides: DeckSlide[] }[] {
  const first = deck.chapters[0]?.firstSlide ?? deck.slides.length + 1
  const opening = deck.slides.filter(s => s.no < first)
  return [
    ...(opening.length
      ? [
          { slides: opening },
        ]
      : []),
    ...deck.chapters.map(chapter => ({
      chapter,
      slides: slidesOf(deck, chapter),
    })),
  ]
}
