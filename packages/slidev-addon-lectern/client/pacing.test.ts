import type { Visit } from './pacing'
import { describe, expect, it } from 'vitest'
import { messages } from '../shared/messages'
import { clock, currentSection, pace, paceNow, paceWords, parseVisits, rehearsalReport, reportMarkdown, sectionIndexAt, timedSections, timeIn, timerElapsedS, visit } from './pacing'

// A small talk: cover 1 min (slides 1–2), chapter 5 min (3–9), chapter 3 min (10–14), closing 1 min (15).
const slides = [
  { no: 1, title: '封面', minutes: 1 },
  { no: 2, title: '议程' },
  { no: 3, title: '历史', minutes: 5 },
  ...Array.from({ length: 6 }, (_, i) => ({ no: 4 + i })),
  { no: 10, title: '原理', minutes: 3 },
  ...Array.from({ length: 4 }, (_, i) => ({ no: 11 + i })),
  {
    no: 15,
    title: '问答',
    minutes: 1,
    layout: 'closing',
  },
  { no: 16, title: '备用：嵌套虚拟化' },
  { no: 17, title: '参考文献' },
]
const zh = messages('zh-CN')
const sections = timedSections(slides, zh)

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
    expect(sectionIndexAt(sections, 17)).toBe(3)
    expect(sections.map(s => s.closing)).toEqual([false, false, false, true])
    expect(pace(sections, 0, 0).talkPlannedS).toBe(600)
  })

  it('ignore a minutes value that is not a number', () => {
    expect(timedSections([
      { no: 1, minutes: 'soon' },
      { no: 2, minutes: 2 },
    ]).map(s => s.startSlide)).toEqual([1])
  })

  it('name an untitled section by its slide, in the deck\'s words', () => {
    expect(timedSections([
      { no: 4, minutes: 2 },
    ])[0].title).toBe('Slide 4')
    expect(timedSections([
      { no: 4, minutes: 2 },
    ], zh)[0].title).toBe('幻灯片 4')
  })
})

describe('pace', () => {
  it('ahead: reached chapter 2 (planned at 6:00) at 4:50, now 5:10', () => {
    const p = pace(sections, 2, 310, 20)
    expect(p.status).toBe('ahead')
    expect(p.deltaS).toBe(-70)
    expect(paceWords(p, zh)).toBe('提前 1:10')
    expect(paceWords(p)).toBe('Ahead 1:10')
    expect(p.sectionElapsedS).toBe(20)
    expect(p.talkRemainingS).toBe(290)
  })

  it('behind: reached chapter 2 at 7:00, one minute late', () => {
    const p = pace(sections, 2, 430, 10)
    expect(p.status).toBe('behind')
    expect(paceWords(p, zh)).toBe('落后 1:00')
    expect(paceWords(p)).toBe('Behind 1:00')
  })

  it('a chapter overrun: on time into the 5-minute chapter, still in it after 6:30', () => {
    const p = pace(sections, 1, 60 + 390, 390)
    expect(p.sectionElapsedS).toBe(390)
    expect(p.section.plannedS).toBe(300)
    expect(p.deltaS).toBe(90)
    expect(paceWords(p, zh)).toBe('落后 1:30')
  })

  it('on time within 15 s of the plan', () => {
    expect(paceWords(pace(sections, 1, 100, 35), zh)).toBe('准时')
    expect(paceWords(pace(sections, 1, 100, 35))).toBe('On time')
  })

  it('an early arrival is used up by lingering: entered 1:00 early, then stayed 3:30 of a 3:00 chapter', () => {
    expect(pace(sections, 2, 300 + 210, 210).deltaS).toBe(-30)
  })
})

describe('pacing with jumps and revisits', () => {
  /** A walk through the talk: [slide, talk time] pairs, logged as the presenter view logs them. */
  function walk(steps: [slide: number, atS: number][]): Visit[] {
    return steps.reduce<Visit[]>((log, [slide, atS]) => visit(log, currentSection(sections, slide, log, atS), atS), [])
  }

  it('a section\'s time is the sum of its visits; moving within a section logs nothing', () => {
    const log = walk([
      [1, 0],
      [2, 30],
      [3, 60],
      [4, 90],
      [10, 100],
      [5, 110],
      [6, 200],
    ])
    expect(log).toEqual([
      [0, 0],
      [1, 60],
      [2, 100],
      [1, 110],
    ])
    expect(timeIn(log, sections.length, 230)).toEqual([60, 40 + 120, 10, 0])
  })

  it('a jump ahead and back, then the chapter reached on plan: on time, and its clock counts only the seconds spent there', () => {
    // at 1:30 the speaker jumps to chapter 2 (planned 6:00–9:00) for 5 s, comes back, and reaches it at 6:00
    const log = walk([
      [1, 0],
      [3, 60],
      [11, 90],
      [4, 95],
      [10, 360],
    ])
    const p = paceNow(sections, 10, log, 380)!
    expect(p.section.title).toBe('原理')
    expect(p.sectionElapsedS).toBe(5 + 20)
    expect(p.deltaS).toBe(-5)
    expect(p.status).toBe('on-time')
    // during the jump itself the speaker was far ahead
    expect(paceWords(paceNow(sections, 11, walk([
      [1, 0],
      [3, 60],
      [11, 90],
    ]), 92)!, zh)).toBe('提前 4:30')
    // and back in chapter 1 at 1:35, the first visit's time still counts: entered 1:00, on time
    expect(paceNow(sections, 4, walk([
      [1, 0],
      [3, 60],
      [11, 90],
      [4, 95],
    ]), 100)!.status).toBe('on-time')
  })

  it('going back to a chapter in the Q&A counts as Q&A, not as behind', () => {
    // closing reached on plan at 9:00; at 9:40 the speaker goes back to a slide of chapter 1 for a question
    const log = walk([
      [1, 0],
      [3, 60],
      [10, 360],
      [15, 540],
      [4, 580],
    ])
    expect(log.at(-1)).toEqual([3, 540])
    const p = paceNow(sections, 4, log, 590)!
    expect(p.section.title).toBe('问答')
    expect(p.status).toBe('on-time')
    expect(p.sectionElapsedS).toBe(50)
    // a backup slide after the closing slide is Q&A too
    expect(paceNow(sections, 16, log, 590)!.section.title).toBe('问答')
  })

  it('a glance at the closing slide early on does not start the Q&A', () => {
    const log = walk([
      [1, 0],
      [15, 30],
      [2, 35],
      [3, 60],
    ])
    expect(paceNow(sections, 4, log, 70)!.section.title).toBe('历史')
  })

  it('the report gives planned and actual time per section, first arrival after any glance, and totals', () => {
    const log = walk([
      [1, 0],
      [3, 60],
      [11, 90],
      [4, 95],
      [10, 400],
      [15, 600],
      [4, 640],
    ])
    const rows = rehearsalReport(sections, log, 700)
    expect(rows.map(r => [
      r.title,
      r.plannedS,
      r.actualS,
      r.overS,
      r.reachedS,
    ])).toEqual([
      ['封面', 60, 60, 0, 0],
      ['历史', 300, 30 + 305, 35, 60],
      ['原理', 180, 5 + 200, 25, 400],
      ['问答', 60, 100, 40, 600],
    ])
    const table = reportMarkdown(rows, zh)
    expect(table).toContain('| 部分 | 计划 | 实际 | 差 | 计划开始 | 实际到达 |')
    expect(table).toContain('| 历史 | 5:00 | 5:35 | +0:35 | 1:00 | 1:00 |')
    expect(table).toContain('| 合计 | 10:00 | 11:40 | +1:40 | | |')
    expect(reportMarkdown(rehearsalReport(sections, [], 0), zh)).toContain('| 封面 | 1:00 | 0:00 | −1:00 | 0:00 | 未到 |')
    // an English deck's report
    const english = reportMarkdown(rehearsalReport(sections, [], 0))
    expect(english).toContain('| Section | Planned | Actual | Over | Planned start | Reached |')
    expect(english).toContain('| 封面 | 1:00 | 0:00 | −1:00 | 0:00 | not reached |')
    expect(english).toContain('| Total | 10:00 | 0:00 | −10:00 | | |')
  })

  it('the log survives the shared state as JSON, and garbage reads as an empty log', () => {
    expect(parseVisits(JSON.stringify([
      [0, 0],
      [1, 60.5],
    ]))).toEqual([
      [0, 0],
      [1, 60.5],
    ])
    expect(parseVisits('not json')).toEqual([])
    expect(parseVisits(undefined)).toEqual([])
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
    expect(pace(sections, 1, timerElapsedS(paused, startedAt + 300_000), 30).deltaS)
      .toBe(pace(sections, 1, timerElapsedS(paused, startedAt + 100_000), 30).deltaS)
  })

  it('clock reads m:ss and h:mm:ss', () => {
    expect(clock(65)).toBe('1:05')
    expect(clock(-65)).toBe('1:05')
    expect(clock(3725)).toBe('1:02:05')
  })
})
