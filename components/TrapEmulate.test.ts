import { mount } from '@vue/test-utils'
import { SLIDEV } from 'slidev-addon-lectern/shared/slidev-internals.ts'
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { isas, steps } from '../models/popekGoldberg'
import TrapEmulate from './TrapEmulate.vue'

// Slidev's injectionRenderContext key (a plain string), as in packages/slidev-addon-lectern/client/useRenderContext.ts
const RENDER_CONTEXT = SLIDEV.renderContextKey

function chooseIsa(w: ReturnType<typeof mount>, label: string) {
  const radio = w.findAll('input[type="radio"]').find(r => r.element.parentElement!.textContent!.trim() === label)!
  return radio.setValue(true)
}

describe('<TrapEmulate />', () => {
  it('flags x86 without VT-x with POPF, SGDT, SIDT, SMSW by default', () => {
    const w = mount(TrapEmulate)
    expect(w.get('[data-testid="te-verdict"]').text()).toBe('不可经典虚拟化：POPF、SGDT、SIDT、SMSW 敏感但非特权')
    expect(w.findAll('tbody tr')).toHaveLength(isas.x86.instructions.length)
  })

  it('the ISA toggle changes the verdict: toy ISA and x86 + VT-x are virtualizable', async () => {
    const w = mount(TrapEmulate)
    await chooseIsa(w, '玩具 ISA')
    expect(w.get('[data-testid="te-verdict"]').text()).toContain('可经典虚拟化')
    await chooseIsa(w, 'x86 + VT-x')
    expect(w.get('[data-testid="te-verdict"]').text()).toContain('可虚拟化')
    expect(w.text()).toContain('VM exit')
  })

  it('the stepper walks HLT under VT-x through VM exit → VMM 模拟 → VM entry', async () => {
    const w = mount(TrapEmulate, {
      props: { isa: 'x86-vtx', instruction: 'HLT' },
    })
    const expected = steps(isas['x86-vtx'].instructions.find(i => i.name === 'HLT')!, 'vtx').map(s => s.title)
    const current = () => w.get('li[aria-current="step"] b').text()
    expect(current()).toBe(expected[0])
    const next = w.findAll('button').find(b => b.text() === '下一步')!
    for (let k = 1; k < expected.length; k++) {
      await next.trigger('click')
      expect(current()).toBe(expected[k])
    }
    expect(current()).toBe('VM entry')
    expect(next.attributes('disabled')).toBeDefined()
    await w.findAll('button').find(b => b.text() === '上一步')!.trigger('click')
    expect(current()).toBe('Hypervisor 模拟')
  })

  it('picking POPF on x86 without VT-x ends in a silent wrong result, with the VMM box idle', async () => {
    const w = mount(TrapEmulate, {
      props: { instruction: 'HLT' },
    })
    await w.get('button[title^="从栈恢复 EFLAGS"]').trigger('click')
    const next = w.findAll('button').find(b => b.text() === '下一步')!
    await next.trigger('click')
    await next.trigger('click')
    expect(w.get('li[aria-current="step"]').text()).toContain('结果错误')
    expect(w.find('.te-box.idle').exists()).toBe(true)
  })
  it('in the overview / export (static render) the diagram shows the last step, without the stepper or the steps in words', () => {
    const w = mount(TrapEmulate, {
      props: { isa: 'x86-vtx', instruction: 'HLT' },
      global: {
        provide: {
          [RENDER_CONTEXT]: ref('overview'),
        },
      },
    })
    expect(w.get('.te-diagram').attributes('aria-label')).toMatch(/^HLT\W+VM entry$/)
    expect(w.find('.te-steps').exists()).toBe(false)
    expect(w.find('.te-stepper').exists()).toBe(false)
  })
})
