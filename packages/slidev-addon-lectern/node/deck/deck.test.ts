import { describe, expect, it } from 'vitest'
import { normalizeSiteUrl, parseDuration, plainTitle } from './deck.ts'

describe('headmatter values', () => {
  it('reads Slidev durations in minutes', () => {
    expect(parseDuration('45min')).toBe(45)
    expect(parseDuration('1h30min')).toBe(90)
    expect(parseDuration(30)).toBe(30)
    expect(parseDuration(undefined)).toBe(0)
    expect(parseDuration('soon')).toBe(0)
  })

  it('keeps a site URL absolute with a trailing slash and refuses a relative one', () => {
    expect(normalizeSiteUrl('https://talks.example.org/virt')).toBe('https://talks.example.org/virt/')
    expect(normalizeSiteUrl('')).toBe('')
    expect(() => normalizeSiteUrl('/virt/')).toThrow(/absolute URL/)
    expect(() => normalizeSiteUrl('ftp://x.org/')).toThrow(/http/)
  })
})

describe('plainTitle', () => {
  it('drops Markdown emphasis and code marks but keeps an underscore inside a word', () => {
    expect(plainTitle('一次 `KVM_RUN`，进出 Guest 许多次')).toBe('一次 KVM_RUN，进出 Guest 许多次')
    expect(plainTitle('**Bold** and _emphasis_ and __strong__')).toBe('Bold and emphasis and strong')
  })
})
