import { describe, expect, it } from 'vitest'
import { chapterTrack } from './chapterTrack'

const talk = [
  {
    no: 1,
    frontmatter: { layout: 'cover', minutes: 1 },
  },
  { no: 2, frontmatter: {} },
  {
    no: 3,
    frontmatter: { layout: 'chapter', chapter: 1, minutes: 5 },
  },
  {
    no: 4,
    frontmatter: { layout: 'figure' },
  },
  {
    no: 5,
    frontmatter: { layout: 'chapter', chapter: 2, minutes: 4 },
  },
  {
    no: 9,
    frontmatter: { layout: 'chapter', chapter: 3, minutes: 6 },
  },
  {
    no: 12,
    frontmatter: { layout: 'closing', minutes: 3 },
  },
]

describe('chapter track', () => {
  it('lays out every timed section by its planned minutes and marks where we are', () => {
    const track = chapterTrack(talk, 2)
    expect(track.sections.map(s => [
      s.kind,
      s.label,
      s.start,
      s.minutes,
      s.state,
    ])).toEqual([
      ['opening', '开场', 0, 1, 'past'],
      ['chapter', '1', 1, 5, 'past'],
      ['chapter', '2', 6, 4, 'here'],
      ['chapter', '3', 10, 6, 'next'],
      ['closing', '问答', 16, 3, 'next'],
    ])
    expect(track.total).toBe(19)
    expect(track.chapters).toBe(3)
    expect(track.here?.no).toBe(5)
  })

  it('has no current section when no divider declares the chapter', () => {
    const track = chapterTrack(talk, 7)
    expect(track.here).toBeUndefined()
    expect(track.sections.every(s => s.state === 'past')).toBe(true)
  })

  it('skips slides whose minutes are missing or not a positive number', () => {
    expect(chapterTrack([
      {
        no: 1,
        frontmatter: { layout: 'chapter', chapter: 1, minutes: 'soon' },
      },
    ], 1).sections).toEqual([])
  })
})
