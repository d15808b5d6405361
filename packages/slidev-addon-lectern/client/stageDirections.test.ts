// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { messages } from '../shared/messages'
import { markStageDirections, STAGE_DIRECTION_CLASS } from './stageDirections'

describe('stage directions in the presenter\'s notes', () => {
  it('are marked and labelled in place of 【提示】, after a click marker too; spoken paragraphs are left alone', () => {
    document.body.innerHTML = `<div class="slidev-note"><p>说的话。</p><p>【提示】拖一下滑块。</p><p><span class="slidev-note-click-mark" data-clicks="1"></span>【提示】问答时跳到这里。</p><p>这不是【提示】</p></div>`
    const label = messages('zh-CN').stageLabel
    markStageDirections(document, label)
    markStageDirections(document, label) // again, as the observer does after its own change: nothing doubles
    const ps = [
      ...document.querySelectorAll('p'),
    ]
    expect(ps.map(p => p.classList.contains(STAGE_DIRECTION_CLASS))).toEqual([false, true, true, false])
    expect(ps.map(p => p.textContent)).toEqual([
      '说的话。',
      `${label}拖一下滑块。`,
      `${label}问答时跳到这里。`,
      '这不是【提示】',
    ])
    expect(ps[2].firstElementChild?.className).toBe('slidev-note-click-mark')
  })
})
