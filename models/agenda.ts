/** The chapter dividers of a deck, read from Slidev's route records (`$slidev.nav.slides`). */

export interface ChapterRoute {
  no: number
  meta?: { slide?: { title?: string, frontmatter?: Record<string, unknown> } }
}

export interface Chapter {
  /** Slide number of the divider (for `<Link :to>`). */
  no: number
  chapter: number
  title: string
  minutes: number
}

export function chaptersOf(routes: readonly ChapterRoute[]): Chapter[] {
  return routes
    .filter(r => r.meta?.slide?.frontmatter?.layout === 'chapter')
    .map(r => ({
      no: r.no,
      chapter: Number(r.meta!.slide!.frontmatter!.chapter),
      title: (r.meta!.slide!.title ?? '').replace(/<[^>]*>/g, '').trim(),
      minutes: Number(r.meta!.slide!.frontmatter!.minutes),
    }))
}
