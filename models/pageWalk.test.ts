import { describe, expect, it } from 'vitest'
import { nestedRefs, pageWalk } from './pageWalk'

describe('nested (2D) page walk, Bhargava et al. ASPLOS 2008', () => {
  it('4-level guest on 4-level EPT/NPT costs 24 memory references (not 25), vs 4 natively', () => {
    expect(pageWalk({ guestLevels: 4, hostLevels: 4 }).total).toBe(24)
    expect(pageWalk({ guestLevels: 4, hostLevels: 4, mode: 'native' }).total).toBe(4)
  })

  it('24 holds only for 4-level paging on both sides: a 5-level guest costs 29 on 4-level EPT and 35 on 5-level EPT', () => {
    expect(pageWalk({ guestLevels: 5, hostLevels: 4 }).total).toBe(29)
    expect(pageWalk({ guestLevels: 5, hostLevels: 5 }).total).toBe(35)
    expect(pageWalk({ guestLevels: 5, hostLevels: 5, mode: 'native' }).total).toBe(5)
  })

  it('counts (n+1)(m+1) − 1 references for every n, m in 2..5, and n natively', () => {
    for (let n = 2; n <= 5; n++) {
      for (let m = 2; m <= 5; m++) {
        const w = pageWalk({ guestLevels: n, hostLevels: m })
        expect(w.total).toBe((n + 1) * (m + 1) - 1)
        expect(w.total).toBe(nestedRefs(n, m))
        expect(w.fullNested).toBe(w.total)
        expect(pageWalk({ guestLevels: n, hostLevels: m, mode: 'native' }).total).toBe(n)
      }
    }
  })

  it('walks the host table for gCR3 first, then reads the guest entry, level by level; the data GPA is translated last', () => {
    const w = pageWalk({ guestLevels: 4, hostLevels: 4 })
    const first = w.refs.slice(0, 6).map(r => r.label)
    expect(first).toEqual([
      'hL4：翻译 gL4 页表的 GPA',
      'hL3：翻译 gL4 页表的 GPA',
      'hL2：翻译 gL4 页表的 GPA',
      'hL1：翻译 gL4 页表的 GPA',
      '读 gL4 页表项',
      'hL4：翻译 gL3 页表的 GPA',
    ])
    expect(w.refs[9].label).toBe('读 gL3 页表项') // 10th reference
    expect(w.refs[19].label).toBe('读 gL1 页表项') // 20th: the guest walk is done …
    expect(w.refs.slice(20).map(r => r.label)).toEqual([
      'hL4：翻译数据页的 GPA',
      'hL3：翻译数据页的 GPA',
      'hL2：翻译数据页的 GPA',
      'hL1：翻译数据页的 GPA',
    ])
    // the grid numbers every cell in walk order: row by row, host columns then the guest entry
    expect(w.grid[0].map(c => c.order)).toEqual([1, 2, 3, 4, 5])
    expect(w.grid[4].map(c => c.order)).toEqual([21, 22, 23, 24, null])
  })

  it('host huge pages shorten every host walk by one level: 4×3 → 19 references', () => {
    const w = pageWalk({ guestLevels: 4, hostLevels: 4, hostHugePages: true })
    expect(w.total).toBe(19)
    expect(w.total).toBe(nestedRefs(4, 3))
    expect(w.grid.every(row => row[3].state === 'huge')).toBe(true)
  })

  it('a TLB hit needs no walk at all', () => {
    expect(pageWalk({ guestLevels: 4, hostLevels: 4, tlbHit: true }).total).toBe(0)
  })

  it('page-walk cache hits for the upper k guest levels skip k host walks: 4×4 with k = 3 → 24 − 12 = 12', () => {
    const w = pageWalk({ guestLevels: 4, hostLevels: 4, pwcLevels: 3 })
    expect(w.total).toBe(12)
    expect(w.refs[0].label).toBe('读 gL4 页表项')
    expect(w.formula).toContain('24 − 3×4')
  })

  it('shadow paging walks n entries like native hardware, 4 for a 4-level guest', () => {
    const w = pageWalk({ guestLevels: 4, hostLevels: 4, mode: 'shadow' })
    expect(w.total).toBe(4)
    expect(w.formula).toContain('VM exit')
  })
})
