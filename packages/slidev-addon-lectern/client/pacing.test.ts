import { describe, expect, it } from 'vitest'
import { clock, pace, sectionIndexAt, timedSections, timerElapsedS } from './pacing'

// A small talk: cover 1 min (slides 1–2), chapter 5 min (3–9), chapter 3 min (10–14), closing 1 min (15).
const slides = [
  { no: 1, title: '封面', minutes: 1 },
  { no: 2, title: '议程' },
  { no: 3, title: '历史', minutes: 5 },
  ...Array.from({ length: 6 }, (_, i) => ({ no: 4 + i })),
  { no: 10, title: '原理', minutes: 3 },
  ...Array.from({ length: 4 }, (_, i) => ({ no: 11 + i })),
  { no: 15, title: '问答', minutes: 1 },
]
const sections = timedSections(slides)

describe('timed sections', () => {
  it('start at each slide with minutes and add up to the talk', () => {
    expect(sections.map(s => [
      s.title,
      s.startSlide,
      s.plannedS,
      s.plannedStartS,
    ])).toEqual([
      ['封面', 1, 60, 0],
      ['历史', 3, 300, 60],
      ['原理', 10, 180, 360],
      ['问答', 15, 60, 540],
    ])
    expect(sectionIndexAt(sections, 2)).toBe(0)
    expect(sectionIndexAt(sections, 9)).toBe(1)
    expect(sectionIndexAt(sections, 12)).toBe(2)
    expect(pace(sections, 0, 0).talkPlannedS).toBe(600)
  })

  it('ignore a minutes value that is not a number', () => {
    expect(timedSections([
      { no: 1, minutes: 'soon' },
      { no: 2, minutes: 2 },
    ]).map(s => s.startSlide)).toEqual([1])
  })
})

describe('pace', () => {
  it('ahead: reached chapter 2 (planned at 6:00) at 4:50, now 5:10', () => {
    const p = pace(sections, 2, 310, 290)
    expect(p.status).toBe('ahead')
    expect(p.deltaS).toBe(-70)
    expect(p.words).toBe('提前 1:10')
    expect(p.sectionElapsedS).toBe(20)
    expect(p.talkRemainingS).toBe(290)
  })

  it('behind: reached chapter 2 at 7:00, one minute late', () => {
    const p = pace(sections, 2, 430, 420)
    expect(p.status).toBe('behind')
    expect(p.words).toBe('落后 1:00')
  })

  it('a chapter overrun: on time into the 5-minute chapter, still in it after 6:30', () => {
    const p = pace(sections, 1, 60 + 390, 60)
    expect(p.sectionElapsedS).toBe(390)
    expect(p.section.plannedS).toBe(300)
    expect(p.deltaS).toBe(90)
    expect(p.words).toBe('落后 1:30')
  })

  it('on time within 15 s of the plan', () => {
    expect(pace(sections, 1, 100, 65).words).toBe('准时')
  })

  it('an early arrival is used up by lingering: entered 1:00 early, then stayed 3:30 of a 3:00 chapter', () => {
    expect(pace(sections, 2, 300 + 210, 300).deltaS).toBe(-30)
  })
})

describe('timer', () => {
  const startedAt = 1_000_000
  it('a pause holds the elapsed time still; running counts from the start; stopped is zero', () => {
    expect(timerElapsedS({ status: 'stopped', startedAt: 0, pausedAt: 0 }, startedAt + 5000)).toBe(0)
    expect(timerElapsedS({ status: 'running', startedAt, pausedAt: 0 }, startedAt + 90_000)).toBe(90)
    const paused = { status: 'paused' as const, startedAt, pausedAt: startedAt + 90_000 }
    expect(timerElapsedS(paused, startedAt + 300_000)).toBe(90)
    // and the pace does not move while paused
    expect(pace(sections, 1, timerElapsedS(paused, startedAt + 300_000), 60).words)
      .toBe(pace(sections, 1, timerElapsedS(paused, startedAt + 100_000), 60).words)
  })

  it('clock reads m:ss and h:mm:ss', () => {
    expect(clock(65)).toBe('1:05')
    expect(clock(-65)).toBe('1:05')
    expect(clock(3725)).toBe('1:02:05')
  })
})
