import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { pageWalk } from '../models/pageWalk'
import NestedPageWalk from './NestedPageWalk.vue'

const total = (w: ReturnType<typeof mount>) => Number(w.get('[data-testid="walk-total"]').text())
function check(w: ReturnType<typeof mount>, label: string) {
  return w.findAll('label.pw-check').find(l => l.text().startsWith(label))!.get('input')
}

describe('<NestedPageWalk />', () => {
  it('shows 24 references for 4×4, numbered 1…24 in walk order across the grid', () => {
    const w = mount(NestedPageWalk)
    expect(total(w)).toBe(24)
    const orders = w.findAll('td[data-order]').map(td => Number(td.attributes('data-order')))
    expect(orders).toEqual(Array.from({ length: 24 }, (_, i) => i + 1))
    expect(w.get('td[data-order="5"]').attributes('title')).toBe('读 gL4 页表项')
    expect(w.get('[data-testid="walk-formula"]').text()).toBe('(n+1)(m+1) − 1 = 5×5 − 1')
  })

  it('raising both levels to 5 gives 35', async () => {
    const w = mount(NestedPageWalk)
    const [n, m] = w.findAll('input[type="range"]')
    await n.setValue('5')
    await m.setValue('5')
    expect(total(w)).toBe(35)
    expect(total(w)).toBe(pageWalk({ guestLevels: 5, hostLevels: 5 }).total)
    expect(w.findAll('tbody tr')).toHaveLength(6)
  })

  it('host huge pages cut 4×4 to 19; a TLB hit to 0; shadow paging to 4', async () => {
    const w = mount(NestedPageWalk)
    await check(w, '宿主大页').setValue(true)
    expect(total(w)).toBe(19)
    await check(w, '宿主大页').setValue(false)
    await check(w, '影子页表').setValue(true)
    expect(total(w)).toBe(4)
    await check(w, '影子页表').setValue(false)
    await check(w, 'TLB 命中').setValue(true)
    expect(total(w)).toBe(0)
  })

  it('the page-walk cache box skips the host walks of the upper n−1 guest levels (4×4: 12)', async () => {
    const w = mount(NestedPageWalk)
    await check(w, '页遍历缓存').setValue(true)
    expect(total(w)).toBe(pageWalk({ guestLevels: 4, hostLevels: 4, pwcLevels: 3 }).total)
    expect(total(w)).toBe(12)
    expect(w.findAll('td.cached')).toHaveLength(12)
  })
})
