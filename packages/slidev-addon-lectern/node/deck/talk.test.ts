import { describe, expect, it } from 'vitest'
import { socialMeta } from '../make/pages/meta.ts'
import { handoutName } from '../make/print/handout.ts'
import { speakerParagraphs } from './notes.ts'
import { qrSvg, resolveTalk, talkLine } from './talk.ts'

const talk = {
  speaker: '张三',
  affiliation: '',
  event: '某大会',
  date: '2026-12-12',
  siteUrl: '',
}

describe('speaker and site, set once', () => {
  it('shows only the fields that are set, never a placeholder', () => {
    expect(talkLine(talk)).toBe('张三 · 某大会 · 2026-12-12')
    expect(talkLine({
      ...talk,
      speaker: '',
      event: '',
      date: '',
    })).toBe('')
  })

  it('takes the URL from the build over the headmatter, and rejects one that is not absolute', () => {
    expect(resolveTalk({ ...talk, siteUrl: 'https://a.example/x/' }, {}).siteUrl).toBe('https://a.example/x/')
    expect(resolveTalk({ ...talk, siteUrl: 'https://a.example/x/' }, { DECK_SITE_URL: 'https://b.example/y' }).siteUrl).toBe('https://b.example/y/')
    expect(() => resolveTalk(talk, { DECK_SITE_URL: 'talks/virt' })).toThrow(/not an absolute URL/)
  })

  it('draws the QR code as inline SVG named by its URL, and nothing without one', async () => {
    const svg = await qrSvg('https://talks.example.org/virt/?a=1&b=2')
    expect(svg).toMatch(/^<svg role="img" aria-label="https:\/\/talks\.example\.org\/virt\/\?a=1&amp;b=2" class="deck-qr" xmlns=/)
    expect(svg).toContain('<title>https://talks.example.org/virt/?a=1&amp;b=2</title>')
    expect(await qrSvg('')).toBe('')
  })
})

describe('link previews', () => {
  const html = '<html><head><title>T</title><meta property="og:image" content="x"><meta name="twitter:card" content="summary"></head></html>'
  const meta = {
    title: 'T',
    description: 'D',
    author: '',
    keywords: ['a'],
    base: '/virt/',
  }

  it('are absolute with a site URL: og:image, og:url, canonical', () => {
    const out = socialMeta(html, { ...meta, siteUrl: 'https://talks.example.org/virt/', path: '12' })
    expect(out).toContain('<meta property="og:image" content="https://talks.example.org/virt/og-image.png">')
    expect(out).toContain('<meta property="og:url" content="https://talks.example.org/virt/12">')
    expect(out).toContain('<link rel="canonical" href="https://talks.example.org/virt/12">')
    expect(out).toContain('<meta name="twitter:card" content="summary_large_image">')
    expect(out.match(/og:image/g)).toHaveLength(1)
    expect(out).not.toContain('name="author"')
  })

  it('without one, name the image under the base path and claim no URL', () => {
    const out = socialMeta(html, { ...meta, siteUrl: '' })
    expect(out).toContain('<meta property="og:image" content="/virt/og-image.png">')
    expect(out).not.toMatch(/og:url|canonical/)
  })
})

describe('handouts', () => {
  it('each layout and audience has its own file; two a page is the default', () => {
    expect(handoutName('attendee')).toBe('handout.pdf')
    expect(handoutName('attendee', 1)).toBe('handout-1up.pdf')
    expect(handoutName('attendee', 6)).toBe('handout-6up.pdf')
    expect(handoutName('speaker')).toBe('handout-speaker.pdf')
    expect(handoutName('speaker', 6)).toBe('handout-speaker-6up.pdf')
  })

  it('the speaker handout keeps every paragraph and knows its click and stage direction', () => {
    expect(speakerParagraphs('叙述。\n\n[click] 【提示】拖滑块。\n\n[click:2] 下一步。')).toEqual([
      { text: '叙述。', click: false, direction: false },
      { text: '【提示】拖滑块。', click: true, direction: true },
      { text: '下一步。', click: true, direction: false },
    ])
  })
})
