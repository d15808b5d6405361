import { describe, expect, it } from 'vitest'
import { messageLang, messages } from './messages.ts'

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

  it('has every word in both languages', () => {
    expect(Object.keys(messages('zh-CN')).sort()).toEqual(Object.keys(messages('en')).sort())
  })
})
