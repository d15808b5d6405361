/**
 * Pacing of a talk: where the speaker should be by now, from each timed section's planned minutes.
 *
 * A timed section starts at a slide whose frontmatter has `minutes` (the cover, each chapter divider,
 * the closing slide; AUTHORING.md) and lasts until the next one. Section k is planned to start at
 * Pₖ = the sum of the planned minutes before it and to end at Eₖ = Pₖ + its minutes.
 *
 * Entered at time e (talk time: the timer's elapsed seconds, so a pause stops it) and now at t, the
 * speaker is behind by max(e − Pₖ, t − Eₖ): late on arrival, or later still for overrunning the
 * section. Negative means ahead: leaving the section now would still be early by that much.
 */

export interface TimedSlide {
  no: number
  title?: string
  minutes?: unknown
}

export interface Section {
  title: string
  /** First slide of the section. */
  startSlide: number
  plannedS: number
  /** Planned start, seconds into the talk. */
  plannedStartS: number
}

/** Slidev's timer state (shared across views). */
export interface TimerState {
  status: 'stopped' | 'running' | 'paused'
  startedAt: number
  pausedAt: number
}

export type PaceStatus = 'ahead' | 'behind' | 'on-time'

export interface Pace {
  section: Section
  index: number
  sectionElapsedS: number
  talkPlannedS: number
  talkElapsedS: number
  talkRemainingS: number
  /** Positive: behind schedule; negative: ahead. */
  deltaS: number
  status: PaceStatus
  /** "提前 1:05" / "落后 0:40" / "准时". */
  words: string
}

/** Within this many seconds of the plan the talk counts as on time. */
export const ON_TIME_S = 15

/** The timed sections of a deck, in slide order. Slides before the first timed one join it. */
export function timedSections(slides: TimedSlide[]): Section[] {
  const sections: Section[] = []
  let start = 0
  for (const slide of slides) {
    const minutes = Number(slide.minutes)
    if (slide.minutes === undefined || slide.minutes === null || !Number.isFinite(minutes) || minutes < 0)
      continue
    sections.push({
      title: slide.title ?? `第 ${slide.no} 页`,
      startSlide: slide.no,
      plannedS: minutes * 60,
      plannedStartS: start,
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

/**
 * Pace at talk time `elapsedS`, in section `index`, entered at talk time `enteredS`
 * (when unknown, say now: the delta is then the section's own overrun).
 */
export function pace(sections: Section[], index: number, elapsedS: number, enteredS = elapsedS): Pace {
  const section = sections[index]
  const talkPlannedS = sections.reduce((sum, s) => sum + s.plannedS, 0)
  const plannedEndS = section.plannedStartS + section.plannedS
  const deltaS = Math.max(enteredS - section.plannedStartS, elapsedS - plannedEndS)
  const status: PaceStatus = Math.abs(deltaS) < ON_TIME_S
    ? 'on-time'
    : deltaS > 0
      ? 'behind'
      : 'ahead'
  const words = status === 'on-time'
    ? '准时'
    : `${status === 'ahead'
      ? '提前'
      : '落后'} ${clock(deltaS)}`
  return {
    section,
    index,
    sectionElapsedS: Math.max(0, elapsedS - enteredS),
    talkPlannedS,
    talkElapsedS: elapsedS,
    talkRemainingS: talkPlannedS - elapsedS,
    deltaS,
    status,
    words,
  }
}
