/**
 * Where a chapter sits in the talk, for the chapter divider (layouts/chapter.vue): every timed section
 * (a slide with `minutes` in its frontmatter: the cover, each chapter divider, the closing slide — see
 * AUTHORING.md) as a segment as long as its planned minutes, and this chapter's planned time window.
 * Plain TypeScript: the layout passes Slidev's slide list in.
 */

/** What the divider needs of a slide: its number and frontmatter. */
export interface TrackSlide {
  no: number
  frontmatter: Record<string, unknown>
}

export interface TrackSection {
  /** Slide number of the section's first slide. */
  no: number
  kind: 'opening' | 'chapter' | 'closing'
  /** '开场' for the opening, the chapter number for a chapter, '问答' for the closing slide. */
  label: string
  chapter?: number
  minutes: number
  /** Planned start, in minutes from the beginning of the talk. */
  start: number
  state: 'past' | 'here' | 'next'
}

export interface ChapterTrack {
  sections: TrackSection[]
  /** Sum of all sections' minutes. */
  total: number
  /** This chapter's section, or undefined when no slide declares it. */
  here?: TrackSection
  /** How many chapters the talk has. */
  chapters: number
}

export function chapterTrack(slides: TrackSlide[], chapter: number): ChapterTrack {
  let start = 0
  let seenHere = false
  const sections: TrackSection[] = []
  for (const slide of slides) {
    const fm = slide.frontmatter
    const minutes = Number(fm.minutes)
    if (!Number.isFinite(minutes) || minutes <= 0)
      continue
    const number = fm.layout === 'chapter'
      ? Number(fm.chapter)
      : undefined
    const kind: TrackSection['kind'] = number !== undefined
      ? 'chapter'
      : fm.layout === 'closing'
        ? 'closing'
        : 'opening'
    const isHere = number === chapter
    seenHere ||= isHere
    sections.push({
      no: slide.no,
      kind,
      label: kind === 'chapter'
        ? String(number)
        : kind === 'closing'
          ? '问答'
          : '开场',
      chapter: number,
      minutes,
      start,
      state: isHere
        ? 'here'
        : seenHere ? 'next' : 'past',
    })
    start += minutes
  }
  return {
    sections,
    total: start,
    here: sections.find(s => s.state === 'here'),
    chapters: sections.filter(s => s.chapter !== undefined).length,
  }
}
