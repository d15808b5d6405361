import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { DEMO_HOST, place, requestStream } from '../models/stranding'
import Stranding from './Stranding.vue'

const num = (w: ReturnType<typeof mount>, test: string) => Number(w.find(`[data-test="${test}"]`).text())
// The component's stream: twice the fleet's CPU in 4-vCPU requests, seed 2.
function modelled(memShare: number, policy: 'first-fit' | 'balance') {
  return place(requestStream(2 * 6 * DEMO_HOST.cpu / 4, memShare / 100, 2), 6, DEMO_HOST, policy)
}

describe('<Stranding />', () => {
  it('shows the model\'s count and stranded resources for the default (first fit, a fifth memory-optimised)', () => {
    const w = mount(Stranding)
    const expected = modelled(20, 'first-fit')
    expect(num(w, 'placed')).toBe(expected.placed)
    expect(num(w, 'stranded-cpu')).toBe(expected.strandedCpu)
    expect(num(w, 'stranded-mem')).toBe(expected.strandedMem)
    expect(expected.strandedCpu + expected.strandedMem).toBeGreaterThan(0)
    expect(w.findAll('g.host')).toHaveLength(6)
    expect(w.findAll('rect.seg')).toHaveLength(2 * expected.placed)
    expect(w.findAll('rect.waste').length).toBeGreaterThan(0)
  })

  it('strands less and places more when switched to the balancing policy', async () => {
    const w = mount(Stranding)
    const before = num(w, 'stranded-cpu') + num(w, 'stranded-mem')
    await w.find('input[aria-label="两维平衡"]').setValue(true)
    const expected = modelled(20, 'balance')
    expect(num(w, 'placed')).toBe(expected.placed)
    expect(num(w, 'placed')).toBeGreaterThan(modelled(20, 'first-fit').placed)
    expect(num(w, 'stranded-cpu') + num(w, 'stranded-mem')).toBeLessThan(before)
  })

  it('strands CPU under either policy when half the requests are memory-optimised', async () => {
    const w = mount(Stranding, {
      props: { policy: 'balance' },
    })
    await w.find('input[aria-label="内存型占比"]').setValue('50')
    expect(w.text()).toContain('平均 5.5 GiB/vCPU')
    expect(num(w, 'stranded-cpu')).toBe(modelled(50, 'balance').strandedCpu)
    expect(num(w, 'stranded-cpu')).toBeGreaterThanOrEqual(32)
  })
})
