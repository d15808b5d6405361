import { describe, expect, it } from 'vitest'
import { Comment, createCommentVNode, Fragment, h } from 'vue'
import { splitTitle } from './slideParts'

function types(nodes: { type: unknown }[]) {
  return nodes.map(n => typeof n.type === 'string'
    ? n.type
    : n.type === Comment
      ? 'comment'
      : 'other')
}

describe('splitting a slide into title and rest', () => {
  it('keeps the title and the line under it together, the rest apart', () => {
    const { title, rest } = splitTitle([
      h('h1', 'T'),
      createCommentVNode('x'),
      h('p', 'sub'),
      h('ul'),
      h('p', 'more'),
    ])
    expect(types(title)).toEqual(['h1', 'comment', 'p'])
    expect(types(rest)).toEqual(['ul', 'p'])
  })

  it('leaves the line under the title in the rest when asked', () => {
    const { title, rest } = splitTitle([
      h('h1', 'T'),
      h('p', 'why'),
    ], { subtitle: false })
    expect(types(title)).toEqual(['h1'])
    expect(types(rest)).toEqual(['p'])
  })

  it('looks inside a fragment, and without a title everything is the rest', () => {
    expect(types(splitTitle([
      h(Fragment, [
        h('h1'),
        h('svg'),
      ]),
    ]).rest)).toEqual(['svg'])
    expect(types(splitTitle([
      h('svg'),
      h('p'),
    ]).rest)).toEqual(['svg', 'p'])
  })
})
