import { mount } from '@vue/test-utils'
import { SLIDEV } from 'slidev-addon-lectern/shared/slidev-internals.ts'
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { milestones } from '../data/timeline'
import VirtTimeline from './VirtTimeline.vue'

// Slidev's injectionRenderContext key (a plain string), as in packages/slidev-addon-lectern/client/useRenderContext.ts
const RENDER_CONTEXT = SLIDEV.renderContextKey

describe('<VirtTimeline />', () => {
  it('renders every milestone with KVM (2007-02-04) selected by default', () => {
    const w = mount(VirtTimeline)
    expect(w.findAll('.vt-pill')).toHaveLength(milestones.length)
    const detail = w.get('[data-testid="timeline-detail"]').text()
    expect(detail).toContain('KVM 并入 Linux 2.6.20')
    expect(detail).toContain('2007 年 2 月 4 日')
    expect(detail).toContain('kernelnewbies.org/Linux_2_6_20')
  })

  it('the era filter shows only that era\'s milestones', async () => {
    const w = mount(VirtTimeline)
    const radio = w.findAll('input[type="radio"]').find(r => r.element.parentElement!.textContent!.includes('大型机'))!
    await radio.setValue(true)
    const years = w.findAll('.vt-pill').map(b => b.text())
    expect(years).toEqual(['1964', '1965', '1972', '1974'])
    // KVM is not in this era, so the first visible milestone is selected
    expect(w.get('[data-testid="timeline-detail"]').text()).toContain('IBM CP-40')
  })

  it('clicking a milestone shows its detail and its source from references.ts', async () => {
    const w = mount(VirtTimeline)
    await w.get('button[aria-label^="2006 年 8 月 25 日"]').trigger('click')
    const detail = w.get('[data-testid="timeline-detail"]').text()
    expect(detail).toContain('Amazon EC2 公测')
    expect(detail).toContain('Amazon Web Services，AWS What’s New，2006')
    expect(w.get('button[aria-label^="2006 年 8 月 25 日"]').attributes('aria-pressed')).toBe('true')
  })

  it('arrow keys on a focused milestone move the selection', async () => {
    const w = mount(VirtTimeline, {
      props: { initial: 'popek-goldberg' },
    })
    await w.get('button[aria-pressed="true"]').trigger('keydown', { key: 'ArrowRight' })
    expect(w.get('[data-testid="timeline-detail"]').text()).toContain('VMware 成立')
    expect(w.get('[data-testid="timeline-detail"]').text()).toContain('1998 年 2 月')
  })
  it('static render (overview / export) shows all milestones with the initial one selected, whatever the era prop', () => {
    const w = mount(VirtTimeline, {
      props: { era: 'mainframe' },
      global: {
        provide: {
          [RENDER_CONTEXT]: ref('overview'),
        },
      },
    })
    expect(w.findAll('.vt-pill')).toHaveLength(milestones.length)
    expect(w.get('[data-testid="timeline-detail"]').text()).toContain('KVM')
    // One message: the milestone's title; its date, story and source are the speaker's, the eras stay as the key.
    expect(w.get('[data-testid="timeline-detail"]').text()).not.toContain('来源')
    expect(w.findAll('.vt-seg').map(s => s.text())).not.toContain('全部')
  })
})
