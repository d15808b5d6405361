import type { ChapterRoute } from '../models/agenda'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { chaptersOf } from '../models/agenda'
import Agenda from './Agenda.vue'

function route(no: number, title: string, frontmatter: Record<string, unknown>): ChapterRoute {
  return {
    no,
    meta: {
      slide: { title, frontmatter },
    },
  }
}

const routes = [
  route(1, '虚拟化技术与云基础设施', { layout: 'cover', minutes: 1 }),
  route(3, '背景：虚拟化的诞生', { layout: 'chapter', chapter: 1, minutes: 4 }),
  route(4, '大型机', { layout: 'figure' }),
  route(8, 'CPU 虚拟化', { layout: 'chapter', chapter: 2, minutes: 3 }),
]

describe('agenda from chapter dividers', () => {
  it('keeps only `layout: chapter` slides, with their number, title and minutes', () => {
    expect(chaptersOf(routes)).toEqual([
      {
        no: 3,
        chapter: 1,
        title: '背景：虚拟化的诞生',
        minutes: 4,
      },
      {
        no: 8,
        chapter: 2,
        title: 'CPU 虚拟化',
        minutes: 3,
      },
    ])
  })

  it('renders one linked item per chapter, two columns beyond six', () => {
    const Link = {
      props: ['to'],
      template: '<a :data-to="to"><slot /></a>',
    }
    const w = mount(Agenda, {
      props: { routes },
      global: {
        stubs: { Link },
      },
    })
    const texts = (cls: string) => w.findAll(`.${cls}`).map(e => e.text())
    expect(texts('agenda-no')).toEqual(['01', '02'])
    expect(texts('agenda-title')).toEqual(['背景：虚拟化的诞生', 'CPU 虚拟化'])
    expect(texts('agenda-min')).toEqual(['4 分钟', '3 分钟'])
    expect(w.findAll('a').map(a => a.attributes('data-to'))).toEqual(['3', '8'])
    expect(w.get('ol').classes()).not.toContain('two')
    const many = Array.from({ length: 12 }, (_, i) => route(10 + i, `第 ${i + 1} 章`, { layout: 'chapter', chapter: i + 1, minutes: 3 }))
    expect(mount(Agenda, {
      props: { routes: many },
      global: {
        stubs: { Link },
      },
    }).get('ol').classes()).toContain('two')
  })
})
