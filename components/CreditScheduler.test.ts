import type { VmConfig } from '../models/creditScheduler'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { DEMO_VMS, simulateCredit } from '../models/creditScheduler'
import CreditScheduler from './CreditScheduler.vue'

const finalOf = (w: ReturnType<typeof mount>, vm: string) => w.find(`.cs-final[data-vm="${vm}"] b`).text()

describe('<CreditScheduler />', () => {
  it('renders with no props: one area per VM and the model\'s final shares', () => {
    const w = mount(CreditScheduler)
    expect(w.findAll('polygon')).toHaveLength(3)
    expect(w.findAll('input[type="range"]')).toHaveLength(4)
    const expected = simulateCredit({
      pcpus: 2,
      durationMs: 3000,
      trace: false,
      vms: [...DEMO_VMS],
    })
    expect(finalOf(w, 'A')).toBe(expected.totals[0].pcpuShare.toFixed(2))
  })

  it('updates the final shares to the model\'s 2:1 split when the weight and pCPU inputs change', async () => {
    const vms: VmConfig[] = [
      {
        name: 'A',
        vcpus: 1,
        weight: 256,
        cap: 0,
        workload: 'busy',
      },
      {
        name: 'B',
        vcpus: 1,
        weight: 256,
        cap: 0,
        workload: 'busy',
      },
    ]
    const w = mount(CreditScheduler, {
      props: { pcpus: 2, vms },
    })
    await w.find('input[aria-label="1 个 pCPU"]').setValue(true)
    expect(finalOf(w, 'A')).toBe('0.50')
    await w.find('input[aria-label="VM A 权重"]').setValue('512')
    const model = simulateCredit({
      pcpus: 1,
      durationMs: 3000,
      trace: false,
      vms: [
        { ...vms[0], weight: 512 },
        vms[1],
      ],
    })
    expect(finalOf(w, 'A')).toBe(model.totals[0].pcpuShare.toFixed(2))
    expect(finalOf(w, 'A')).toBe('0.67')
    expect(finalOf(w, 'B')).toBe('0.33')
  })

  it('holds a VM at its cap when the cap input changes', async () => {
    const w = mount(CreditScheduler, {
      props: {
        pcpus: 1,
        vms: [
          {
            name: 'A',
            vcpus: 1,
            weight: 256,
            cap: 0,
            workload: 'busy',
          },
        ],
      },
    })
    expect(finalOf(w, 'A')).toBe('1.00')
    const cap = w.find('input[aria-label^="VM A cap"]')
    await cap.setValue('50')
    await cap.trigger('change')
    expect(finalOf(w, 'A')).toBe('0.50')
  })

  it('adds a fourth VM when its checkbox is ticked', async () => {
    const w = mount(CreditScheduler)
    await w.find('input[aria-label="启用 VM D"]').setValue(true)
    expect(w.findAll('polygon')).toHaveLength(4)
    expect(w.find('.cs-final[data-vm="D"]').exists()).toBe(true)
  })

  it('shows each VM\'s steal time, as the Guest\'s top reports it', () => {
    const w = mount(CreditScheduler)
    const st = w.findAll('[data-steal]').map(e => e.text())
    expect(st.length).toBeGreaterThan(0)
    for (const t of st)
      expect(t).toMatch(/^st \d+\.\d%$/)
  })
})
