/**
 * Speaker notes as the tools read them (conventions in AUTHORING.md):
 * - a paragraph that starts with 【提示】 is a stage direction — done, not said;
 * - `[click]` / `[click:3]` at the start of a paragraph marks where a click's narration begins.
 * The attendee handout and the reading view show the narration without either; reading time counts
 * only what is said.
 */

import MarkdownIt from 'markdown-it'
import { STAGE_DIRECTION } from '../../shared/stage-direction.ts'

// html: true — HTML in notes is drawn as Slidev's presenter view and `slidev export-notes` draw it;
// what could run or load (scripts, frames, event handlers, javascript: links) is removed by `safeHtml`.
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false })

/** HTML without what would run or pull in a page: script/style/iframe/object/embed elements, `on…=` handlers, `javascript:` URLs. */
export function safeHtml(html: string): string {
  return html
    .replace(/<(script|style|iframe|object|embed|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<(?:script|style|iframe|object|embed|template|link|meta|base)\b[^>]*>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href|src)\s*=\s*(["']?)javascript:[^"'\s>]*\2/gi, '$1="#"')
}

/** Notes or headmatter `info` Markdown as HTML for the handout and the reading view (HTML in it rendered, made safe). */
export function renderMarkdown(md: string): string {
  return safeHtml(markdown.render(md))
}

const CLICK_MARKER = /^\[click(?::\d+)?\]\s*/gm

function paragraphs(notes: string): string[] {
  return notes.split(/\n\s*\n/).map(p => p.trim()).filter(Boolean)
}

/** Is this paragraph (click marker allowed before it) a stage direction? */
export function isStageDirection(paragraph: string): boolean {
  return paragraph.replace(CLICK_MARKER, '').trimStart().startsWith(STAGE_DIRECTION)
}

/** The notes without stage directions; click markers kept (the presenter view needs them). */
export function withoutStageDirections(notes: string): string {
  return paragraphs(notes).filter(p => !isStageDirection(p)).join('\n\n')
}

/** Every paragraph as the speaker handout shows it: text without its click marker, and what kind it is. */
export function speakerParagraphs(notes: string): { text: string, click: boolean, direction: boolean }[] {
  return paragraphs(notes).map(p => ({
    text: p.replace(CLICK_MARKER, ''),
    click: new RegExp(CLICK_MARKER.source).test(p),
    direction: isStageDirection(p),
  }))
}

/** What the audience may read: the narration without stage directions and without click markers. */
export function attendeeNarration(notes: string): string {
  return withoutStageDirections(notes).replace(CLICK_MARKER, '').trim()
}

/**
 * Units of reading time: each Han character, kana or full-width sign counts one; each run of Latin
 * letters or digits (a word, a number) counts one. At 240 units a minute, Chinese prose reads aloud
 * at the pace of a talk.
 */
export function readingUnits(text: string): number {
  const plain = text
    .replace(/<[^>]*>/g, ' ') // HTML and component tags
    .replace(/`([^`]*)`/g, '$1')
  const han = plain.match(/[\u3000-\u303F\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/g)?.length ?? 0
  const words = plain.match(/[A-Z0-9][\w.\-/+]*/gi)?.length ?? 0
  return han + words
}

export const READING_UNITS_PER_MINUTE = 240

/** Minutes to say these notes aloud (stage directions are not said). */
export function readingMinutes(notes: string, perMinute = READING_UNITS_PER_MINUTE): number {
  return readingUnits(attendeeNarration(notes)) / perMinute
}
