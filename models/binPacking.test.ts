import type { Algorithm, VmDemand } from './binPacking'
import { describe, expect, it } from 'vitest'
import { DEMO_HOST, generateFleet, lowerBound, mulberry32, optimal1D, pack, pack1D } from './binPacking'

const ALGOS: Algorithm[] = ['ff', 'bf', 'ffd']

describe('optimal1D (exhaustive search)', () => {
  it('finds the optimum on hand-checked instances', () => {
    expect(optimal1D([2, 5, 4, 7, 1, 3, 8], 10)).toBe(3)
    expect(optimal1D([6, 6, 6, 4, 4, 4], 10)).toBe(3)
    expect(optimal1D([5, 5, 5, 5, 5], 10)).toBe(3)
    expect(optimal1D([], 10)).toBe(0)
  })
})

describe('first fit decreasing', () => {
  // Dósa 2007 (cite id 'dosa2007'): FFD(I) ≤ 11/9·OPT(I) + 6/9, and the bound is tight.
  it('uses at most 11/9·OPT + 6/9 bins on 300 random instances of ≤ 10 items (OPT by exhaustive search)', () => {
    const rnd = mulberry32(2007)
    let checked = 0
    let worse = 0
    for (let n = 0; n < 300; n++) {
      const count = 1 + Math.floor(rnd() * 10)
      // Mix of uniform sizes and sizes just above 1/4 and 1/2, where FFD is known to do worst.
      const lo = n % 2 === 0
        ? 1
        : 20
      const hi = n % 2 === 0
        ? 100
        : 60
      const sizes = Array.from({ length: count }, () => lo + Math.floor(rnd() * (hi - lo + 1)))
      const opt = optimal1D(sizes, 100)
      const ffd = pack1D(sizes, 100, 'ffd')
      expect(ffd).toBeLessThanOrEqual((11 / 9) * opt + 6 / 9 + 1e-9)
      expect(ffd).toBeGreaterThanOrEqual(opt)
      if (ffd > opt)
        worse++
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(200)
    expect(worse).toBeGreaterThan(0) // the instances are not all trivial
  })

  it('needs 11 bins on the classic 11/9 instance whose optimum is 9', () => {
    // 6×(1/2+ε), 6×(1/4+2ε), 6×(1/4+ε), 12×(1/4−2ε) with capacity 1000, ε = 10.
    // OPT = 9 by construction: 6 bins {510, 260, 230} and 3 bins {270, 270, 230, 230}, all ≤ 1000.
    const sizes = [
      ...Array.from({ length: 6 }).fill(510),
      ...Array.from({ length: 6 }).fill(270),
      ...Array.from({ length: 6 }).fill(260),
      ...Array.from({ length: 12 }).fill(230),
    ] as number[]
    expect(6 * (510 + 260 + 230) + 3 * (270 + 270 + 230 + 230)).toBe(sizes.reduce((a, b) => a + b, 0))
    expect(510 + 260 + 230).toBeLessThanOrEqual(1000)
    expect(pack1D(sizes, 1000, 'ffd')).toBe(11)
    expect(pack1D(sizes, 1000, 'ffd')).toBeLessThanOrEqual((11 / 9) * 9 + 6 / 9)
  })

  it('beats First Fit on the textbook instance 2,5,4,7,1,3,8 (capacity 10): 3 bins vs 4', () => {
    const sizes = [2, 5, 4, 7, 1, 3, 8]
    expect(pack1D(sizes, 10, 'ff')).toBe(4)
    expect(pack1D(sizes, 10, 'ffd')).toBe(3)
    expect(optimal1D(sizes, 10)).toBe(3)
  })
})

describe('pack (two resources)', () => {
  it('never uses fewer hosts than max over resources of ⌈Σdemand/capacity⌉, and never overflows', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const fleet = generateFleet(8 + (seed % 13), seed)
      const lb = lowerBound(fleet, DEMO_HOST)
      for (const a of ALGOS) {
        const r = pack(fleet, DEMO_HOST, a)
        expect(r.lowerBound).toBe(lb)
        expect(r.hostsUsed).toBeGreaterThanOrEqual(lb)
        expect(r.overflowHosts).toBe(0)
        expect(r.hosts.flatMap(h => h.vms).length).toBe(fleet.length)
      }
    }
  })

  it('overflows memory when it packs by CPU alone, while the two-resource packing does not', () => {
    // Four memory-heavy VMs: 4 vCPU + 64 GiB each, hosts of 32 vCPU / 128 GiB.
    const vms: VmDemand[] = [1, 2, 3, 4].map(i => ({ id: `r${i}`, cpu: 4, mem: 64 }))
    expect(lowerBound(vms, DEMO_HOST)).toBe(2) // CPU says 1 host, memory says 2
    for (const a of ALGOS) {
      const naive = pack(vms, DEMO_HOST, a, 'cpu-only')
      expect(naive.hostsUsed).toBe(1)
      expect(naive.hosts[0].memUtil).toBe(2) // 256 GiB on a 128 GiB host
      expect(naive.overflowHosts).toBe(1)
      const vector = pack(vms, DEMO_HOST, a, 'vector')
      expect(vector.hostsUsed).toBe(2)
      expect(vector.overflowHosts).toBe(0)
    }
  })

  it('sorts FFD by the dominant share, so a memory-heavy VM counts as large', () => {
    const vms: VmDemand[] = [
      { id: 'c', cpu: 8, mem: 16 },
      { id: 'r', cpu: 4, mem: 96 },
    ]
    const r = pack(vms, DEMO_HOST, 'ffd')
    expect(r.hosts[0].vms[0].id).toBe('r') // 96/128 = 0.75 > 8/32 = 0.25
  })
})

describe('generateFleet', () => {
  it('is deterministic for a seed and fits every VM on one host', () => {
    expect(generateFleet(14, 7)).toEqual(generateFleet(14, 7))
    expect(generateFleet(14, 7)).not.toEqual(generateFleet(14, 8))
    for (const v of generateFleet(200, 3)) {
      expect(v.cpu).toBeLessThanOrEqual(DEMO_HOST.cpu)
      expect(v.mem).toBeLessThanOrEqual(DEMO_HOST.mem)
    }
  })
})
