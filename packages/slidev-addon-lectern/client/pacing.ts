/**
 * Pacing of a talk: where the speaker should be by now, from each timed section's planned minutes.
 *
 * A timed section starts at a slide whose frontmatter has `minutes` (the cover, each chapter divider,
 * the closing slide; AUTHORING.md) and lasts until the next one; slides after the closing slide (backup
 * slides, references) belong to it: it is the Q&A. Section k is planned to start at Pₖ = the sum of the
 * planned minutes before it and to end at Eₖ = Pₖ + its minutes.
 *
 * What happened is a log of visits: each time the speaker moves into another section, its index and
 * the talk time (the timer's elapsed seconds, so a pause stops it). Time spent in a section is the sum
 * of its spans, so a jump ahead and back, or a revisit, adds only the seconds spent there. Once the
 * closing slide has been reached, every slide counts as Q&A: going back to show a slide is not "behind".
 *
 * Ahead or behind, in section k at talk time t having spent s seconds there in all: the section's
 * effective entry is e = t − s, and the speaker is behind by max(e − Pₖ, t − Eₖ): late on arrival, or
 * later still for overrunning the section. Negative means ahead.
 *
 * Words (an untitled section's name, the verdict, the report's table) come from shared/messages.ts in the deck's language.
 */
import type { Messages } from '../shared/messages.ts'
import { messages } from '../shared/messages.ts'

export interface TimedSlide {
  no: number
  title?: string
  minutes?: unknown
  /** The slide's layout: `closing` marks the Q&A section. */
  layout?: unknown
}

export interface Section {
  title: string
  /** First slide of the section. */
  startSlide: number
  plannedS: number
  /** Planned start, seconds into the talk. */
  plannedStartS: number
  /** The closing section: once reached, every slide counts as Q&A. */
  closing: boolean
}

/** Slidev's timer state (shared across views). */
export interface TimerState {
  status: 'stopped' | 'running' | 'paused'
  startedAt: number
  pausedAt: number
}

/** One visit: the speaker moved into section `index` at talk time `atS`. */
export type Visit = [index: number, atS: number]

export type PaceStatus = 'ahead' | 'behind' | 'on-time'

export interface Pace {
  section: Section
  index: number
  /** Time spent in this section, all visits together. */
  sectionElapsedS: number
  talkPlannedS: number
  talkElapsedS: number
  talkRemainingS: number
  /** Positive: behind schedule; negative: ahead. */
  deltaS: number
  status: PaceStatus
}

/** Within this many seconds of the plan the talk counts as on time. */
export const ON_TIME_S = 15

/** The timed sections of a deck, in slide order. Slides before the first timed one join it; an untitled one is named by its slide (`t.slideNo`). */
export function timedSections(slides: TimedSlide[], t: Messages = messages()): Section[] {
  const sections: Section[] = []
  let start = 0
  for (const slide of slides) {
    const minutes = Number(slide.minutes)
    if (slide.minutes === undefined || slide.minutes === null || !Number.isFinite(minutes) || minutes < 0)
      continue
    sections.push({
      title: slide.title ?? t.slideNo(slide.no),
      startSlide: slide.no,
      plannedS: minutes * 60,
      plannedStartS: start,
      closing: slide.layout === 'closing',
    })
    start += minutes * 60
  }
  if (sections.length)
    sections[0].startSlide = Math.min(sections[0].startSlide, slides[0]?.no ?? 1)
  return sections
}

/** Index of the section a slide belongs to (-1 without sections). */
export function sectionIndexAt(sections: Section[], slideNo: number): number {
  let index = sections.length
    ? 0
    : -1
  sections.forEach((s, i) => {
    if (s.startSlide <= slideNo)
      index = i
  })
  return index
}

/** A visit shorter than this (a jump through, a glance ahead) does not count as reaching a section. */
export const GLANCE_S = 20

/** The visits to `index`, each with when it ended (`nowS` for the one still open). */
function staysIn(visits: Visit[], index: number, nowS: number): { atS: number, untilS: number }[] {
  return visits
    .map(([i, atS], k) => ({ i, atS, untilS: visits[k + 1]?.[1] ?? nowS }))
    .filter(v => v.i === index)
}

/**
 * The section that is running on slide `slideNo` at talk time `nowS`: its own, or the Q&A once the closing
 * slide was reached (stayed on for more than a glance, so a look ahead early in the talk does not count).
 */
export function currentSection(sections: Section[], slideNo: number, visits: Visit[], nowS: number): number {
  const closing = sections.findIndex(s => s.closing)
  if (closing >= 0 && staysIn(visits, closing, nowS).some(v => v.untilS - v.atS >= GLANCE_S))
    return closing
  return sectionIndexAt(sections, slideNo)
}

/** The log with a visit to `index` at `atS` added (unchanged when the speaker is still in that section). */
export function visit(visits: Visit[], index: number, atS: number): Visit[] {
  if (index < 0 || visits.at(-1)?.[0] === index)
    return visits
  return [
    ...visits,
    [
      index,
      Math.max(atS, visits.at(-1)?.[1] ?? 0),
    ],
  ]
}

/** Seconds spent in each section by talk time `nowS`: the sum of its visits' spans (the last one still open). */
export function timeIn(visits: Visit[], sectionCount: number, nowS: number): number[] {
  const spent = Array.from<number>({ length: sectionCount }).fill(0)
  visits.forEach(([index, atS], i) => {
    const until = visits[i + 1]?.[1] ?? nowS
    if (index >= 0 && index < sectionCount)
      spent[index] += Math.max(0, until - atS)
  })
  return spent
}

/** Seconds on the timer at `nowMs`: stopped is 0, paused holds still. */
export function timerElapsedS(timer: TimerState, nowMs: number): number {
  if (timer.status === 'stopped' || !timer.startedAt)
    return 0
  const end = timer.status === 'paused'
    ? timer.pausedAt
    : nowMs
  return Math.max(0, (end - timer.startedAt) / 1000)
}

/** m:ss (or h:mm:ss) of a number of seconds, never negative. */
export function clock(seconds: number): string {
  const total = Math.round(Math.abs(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor(total / 60) % 60
  const s = String(total % 60).padStart(2, '0')
  return h
    ? `${h}:${String(m).padStart(2, '0')}:${s}`
    : `${m}:${s}`
}

function verdict(deltaS: number): PaceStatus {
  return Math.abs(deltaS) < ON_TIME_S
    ? 'on-time'
    : deltaS > 0
      ? 'behind'
      : 'ahead'
}

/** "Ahead 1:05" / "落后 0:40" / "On time": the verdict in the deck's words. */
export function paceWords(p: Pick<Pace, 'status' | 'deltaS'>, t: Messages = messages()): string {
  return t.paceVerdict(p.status, clock(p.deltaS))
}

/**
 * Pace at talk time `elapsedS` in section `index`, having spent `spentS` seconds there over all visits
 * (by default as if it had been entered just now: the delta is then the lateness of arriving now).
 */
export function pace(sections: Section[], index: number, elapsedS: number, spentS = 0): Pace {
  const section = sections[index]
  const talkPlannedS = sections.reduce((sum, s) => sum + s.plannedS, 0)
  const plannedEndS = section.plannedStartS + section.plannedS
  const enteredS = elapsedS - spentS
  const deltaS = Math.max(enteredS - section.plannedStartS, elapsedS - plannedEndS)
  return {
    section,
    index,
    sectionElapsedS: spentS,
    talkPlannedS,
    talkElapsedS: elapsedS,
    talkRemainingS: talkPlannedS - elapsedS,
    deltaS,
    status: verdict(deltaS),
  }
}

/** The pace on slide `slideNo` at talk time `nowS`, from the log of visits. */
export function paceNow(sections: Section[], slideNo: number, visits: Visit[], nowS: number): Pace | null {
  const index = currentSection(sections, slideNo, visits, nowS)
  if (index < 0)
    return null
  const log = visit(visits, index, nowS)
  return pace(sections, index, nowS, timeIn(log, sections.length, nowS)[index])
}

export interface ReportRow {
  title: string
  plannedS: number
  /** Time spent in the section, all visits together. */
  actualS: number
  /** actual − planned: positive is an overrun. */
  overS: number
  plannedStartS: number
  /** Talk time of the first arrival (after any earlier visit shorter than a glance), or undefined if never reached. */
  reachedS?: number
}

/** The rehearsal report: planned against actual time per section, by talk time `nowS`. */
export function rehearsalReport(sections: Section[], visits: Visit[], nowS: number): ReportRow[] {
  const spent = timeIn(visits, sections.length, nowS)
  return sections.map((section, index) => {
    const stays = staysIn(visits, index, nowS)
    return {
      title: section.title,
      plannedS: section.plannedS,
      actualS: spent[index],
      overS: spent[index] - section.plannedS,
      plannedStartS: section.plannedStartS,
      reachedS: (stays.find(v => v.untilS - v.atS >= GLANCE_S) ?? stays[0])?.atS,
    }
  })
}

/** The report as a Markdown table (to paste into notes or an issue), with the totals, in the deck's words. */
export function reportMarkdown(rows: ReportRow[], t: Messages = messages()): string {
  const signed = (s: number) => `${s > 0
    ? '+'
    : s < 0
      ? '−'
      : ''}${clock(s)}`
  const planned = rows.reduce((sum, r) => sum + r.plannedS, 0)
  const actual = rows.reduce((sum, r) => sum + r.actualS, 0)
  return [
    `| ${t.part} | ${t.planned} | ${t.actual} | ${t.over} | ${t.plannedStart} | ${t.reached} |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(r => `| ${r.title.replace(/\|/g, '\\|')} | ${clock(r.plannedS)} | ${clock(r.actualS)} | ${signed(r.overS)} | ${clock(r.plannedStartS)} | ${r.reachedS === undefined
      ? t.notReached
      : clock(r.reachedS)} |`),
    `| ${t.total} | ${clock(planned)} | ${clock(actual)} | ${signed(actual - planned)} | | |`,
  ].join('\n')
}

/** The log as it travels in the shared state (a JSON string: the sync sends top-level values). */
export function parseVisits(text: unknown): Visit[] {
  if (typeof text !== 'string')
    return []
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value)
      ? value.filter((v): v is Visit => Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number')
      : []
  }
  catch {
    return []
  }
}
