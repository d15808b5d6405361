import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { DEMO_HOST, generateFleet, pack } from '../models/binPacking'
import BinPacking from './BinPacking.vue'

const hosts = (w: ReturnType<typeof mount>) => Number(w.find('[data-test="hosts"]').text())

describe('<BinPacking />', () => {
  it('shows the model\'s host count and lower bound for the default fleet, one SVG group per host', () => {
    const w = mount(BinPacking)
    const expected = pack(generateFleet(14, 28), DEMO_HOST, 'ffd')
    expect(hosts(w)).toBe(expected.hostsUsed)
    expect(Number(w.find('[data-test="lb"]').text())).toBe(expected.lowerBound)
    expect(w.findAll('g.host')).toHaveLength(expected.hostsUsed)
  })

  it('uses more hosts with First Fit than with FFD on the default fleet', async () => {
    const w = mount(BinPacking)
    const ffd = hosts(w)
    await w.find('input[aria-label="First Fit"]').setValue(true)
    expect(hosts(w)).toBe(pack(generateFleet(14, 28), DEMO_HOST, 'ff').hostsUsed)
    expect(hosts(w)).toBeGreaterThan(ffd)
  })

  it('reports memory overflow when packing by CPU only', async () => {
    const w = mount(BinPacking)
    expect(w.find('[data-test="overflow"]').text()).toContain('不超载')
    await w.find('input[aria-label="只按 CPU 装箱（单资源）"]').setValue(true)
    const naive = pack(generateFleet(14, 28), DEMO_HOST, 'ffd', 'cpu-only')
    expect(naive.overflowHosts).toBeGreaterThan(0)
    expect(w.find('[data-test="overflow"]').text()).toContain(`${naive.overflowHosts} 台内存超载`)
  })

  it('regenerates the fleet from the count and seed inputs', async () => {
    const w = mount(BinPacking)
    await w.find('input[aria-label="VM 数量"]').setValue('20')
    await w.find('input[aria-label="随机种子"]').setValue('5')
    const expected = pack(generateFleet(20, 5), DEMO_HOST, 'ffd')
    expect(hosts(w)).toBe(expected.hostsUsed)
    expect(w.findAll('rect.seg')).toHaveLength(2 * 20)
  })
})
