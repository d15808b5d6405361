import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { references } from '../data/references'
import References from './References.vue'

describe('<References />', () => {
  it('lists every reference across its two parts, numbered on from part 1', () => {
    const one = mount(References, {
      props: { part: 1 },
    })
    const two = mount(References, {
      props: { part: 2 },
    })
    const items = [
      ...one.findAll('li'),
      ...two.findAll('li'),
    ]
    expect(items).toHaveLength(references.length)
    expect(Number(two.find('ol').attributes('start'))).toBe(one.findAll('li').length + 1)
    for (const r of references)
      expect(items.some(li => li.text().includes(r.title))).toBe(true)
  })

  it('splits into any number of parts without losing or repeating an entry', () => {
    const parts = [1, 2, 3].map(part => mount(References, {
      props: { part, parts: 3 },
    }))
    const titles = parts.flatMap(p => p.findAll('li').map(li => li.text()))
    expect(titles).toHaveLength(references.length)
    expect(new Set(titles).size).toBe(references.length)
    expect(Number(parts[2].find('ol').attributes('start'))).toBe(parts[0].findAll('li').length + parts[1].findAll('li').length + 1)
    expect(parts.map(p => p.findAll('.refs-downloads a').length)).toEqual([0, 0, 2])
  })

  it('shortens long author lists and links the PDFs only on the last part', () => {
    const one = mount(References, {
      props: { part: 1 },
    })
    const two = mount(References, {
      props: { part: 2 },
    })
    expect(one.text()).toContain('P. Barham et al.')
    expect(one.findAll('.refs-downloads a')).toHaveLength(0)
    expect(two.findAll('.refs-downloads a').map(a => a.attributes('href'))).toEqual(['/slides.pdf', '/handout.pdf'])
  })

  it('links each title to its URL or DOI, opening outside the deck', () => {
    const all = mount(References)
    const linked = references.filter(r => r.url)
    const links = all.findAll('a.refs-title')
    expect(links.map(a => a.attributes('href'))).toEqual(linked.map(r => r.url))
    for (const a of links)
      expect(a.attributes('rel')).toBe('noopener')
    for (const r of linked)
      expect(r.url, r.id).toMatch(/^https:\/\/\S+$/)
  })

  it('gives every paper from a conference or journal its DOI or URL', () => {
    const paper = /\b(?:ASPLOS|SOSP|OSDI|NSDI|ATC|EuroSys|VEE|FAST|SIGCOMM|USENIX|IEEE|ACM|SIGOPS|Communications|CCGrid|LNCS|Concurrency|Symposium)\b/
    const missing = references.filter(r => paper.test(r.venue) && !r.url).map(r => r.id)
    expect(missing).toEqual([])
  })
})
