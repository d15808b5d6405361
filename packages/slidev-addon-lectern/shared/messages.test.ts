import { describe, expect, it } from 'vitest'
import { messageLang, messages } from './messages.ts'

const HAN = /[\u4E00-\u9FFF]/

/** Every word of a table as text: a function is called with sample arguments. */
function texts(lang: string | undefined): [string, string][] {
  return Object.entries(messages(lang)).map(([key, value]) => [
    key,
    typeof value === 'function'
      ? String((value as (...args: unknown[]) => unknown)(3, 'x'))
      : String(value),
  ])
}

describe('the kit\'s words follow the deck\'s lang', () => {
  it('speaks English without a lang or with one it lacks, Simplified Chinese for any zh', () => {
    expect(messageLang(undefined)).toBe('en')
    expect(messageLang('en-GB')).toBe('en')
    expect(messageLang('fr')).toBe('en')
    expect(messageLang('zh-CN')).toBe('zh-CN')
    expect(messageLang('zh')).toBe('zh-CN')
    expect(messages().handoutFooter(3, 18)).toBe('Page 3 of 18')
    expect(messages('zh-CN').handoutFooter(3, 18)).toBe('第 3 页 / 共 18 页')
  })

  it('has every word in both languages: no Chinese in the English table, Chinese in every word of the zh-CN one', () => {
    expect(Object.keys(messages('zh-CN')).sort()).toEqual(Object.keys(messages('en')).sort())
    expect(texts('en').filter(([, text]) => HAN.test(text))).toEqual([])
    expect(texts('zh-CN').filter(([key, text]) => key !== 'locale' && !HAN.test(text))).toEqual([])
  })

  it('the presenter\'s words: pacing panel, rehearsal report, blank-screen button, reset button, stage label', () => {
    const [en, zh] = [
      messages('en'),
      messages('zh-CN'),
    ]
    expect([
      en.paceVerdict('on-time', '0:05'),
      en.paceVerdict('ahead', '1:10'),
      en.paceVerdict('behind', '0:40'),
    ]).toEqual(['On time', 'Ahead 1:10', 'Behind 0:40'])
    expect([
      zh.paceVerdict('on-time', '0:05'),
      zh.paceVerdict('ahead', '1:10'),
      zh.paceVerdict('behind', '0:40'),
    ]).toEqual(['准时', '提前 1:10', '落后 0:40'])
    expect([
      en.startTimer,
      en.pauseTimer,
      en.resetTimer,
      en.thisChapter,
      en.wholeTalk,
      en.remaining,
    ]).toEqual([
      'Start the timer',
      'Pause the timer',
      'Reset the timer',
      'Section',
      'Talk',
      'Left',
    ])
    expect([
      zh.startTimer,
      zh.pauseTimer,
      zh.resetTimer,
      zh.thisChapter,
      zh.wholeTalk,
      zh.remaining,
    ]).toEqual([
      '开始计时',
      '暂停计时',
      '计时归零',
      '本章',
      '全场',
      '剩余',
    ])
    expect([
      en.rehearsalReport,
      en.notReached,
      en.total,
      zh.rehearsalReport,
      zh.notReached,
      zh.total,
    ]).toEqual([
      'Rehearsal report',
      'not reached',
      'Total',
      '排练报告',
      '未到',
      '合计',
    ])
    expect([
      en.blankButton(false),
      en.blankButton(true),
      zh.blankButton(false),
      zh.blankButton(true),
    ]).toEqual(['Blank', 'Show', '黑屏', '恢复'])
    expect([
      en.modelReset,
      zh.modelReset,
      en.stageLabel,
      zh.stageLabel,
    ]).toEqual(['Reset', '复位', 'Don\'t read', '不念'])
    expect([en.opening, zh.opening]).toEqual(['(opening)', '（开场）'])
    expect([en.locale, zh.locale]).toEqual(['en', 'zh-CN'])
  })
})
