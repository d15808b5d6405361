import type { Family, Policy, Vm } from './stranding'
import { describe, expect, it } from 'vitest'
import { anyShapeFits, DEMO_HOST, meanRatio, place, requestStream, SHAPES } from './stranding'

function vms(family: Family, n: number, from = 1): Vm[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${family}${from + i}`, family, ...SHAPES[family] }))
}

describe('stranding: hand-checked cases (host 32 vCPU / 128 GiB, shapes of 4 vCPU)', () => {
  it('four memory-optimised VMs fill a host\'s memory and strand half its CPU', () => {
    // 4 × 32 GiB = 128 GiB: memory full; 4 × 4 = 16 of 32 vCPU used, the other 16 can take no shape.
    const r = place(vms('r', 5), 1, DEMO_HOST, 'first-fit')
    expect(r.placed).toBe(4)
    expect(r.rejected?.id).toBe('r5')
    expect(r.strandedCpu).toBe(16)
    expect(r.strandedMem).toBe(0)
    expect(r.cpuSold).toBe(0.5)
    expect(r.memSold).toBe(1)
  })

  it('first fit on 4 r then 8 c strands 16 vCPU and 64 GiB; balancing mixes them and keeps room for more', () => {
    const stream = [
      ...vms('r', 4),
      ...vms('c', 8, 5),
    ]
    // First fit: host 0 takes r1–r4 (memory full), host 1 takes c5–c12 (8 × 4 = 32 vCPU: CPU full).
    const ff = place(stream, 2, DEMO_HOST, 'first-fit')
    expect(ff.hosts.map(h => h.vms.map(v => v.family).join(''))).toEqual(['rrrr', 'cccccccc'])
    expect([ff.strandedCpu, ff.strandedMem]).toEqual([16, 64])
    // Balance (trace by hand: each VM goes where |free CPU share − free memory share| is smallest after it):
    // the r's alternate between the hosts, then c's join host 0 until its CPU is full (2 r + 6 c =
    // 32 vCPU, 112 GiB), the last two go to host 1. Same 16 vCPU and 64 GiB free in all, but only host 0's
    // 16 GiB is stranded; host 1 (16 vCPU, 48 GiB free) can still take three m or four c.
    const bal = place(stream, 2, DEMO_HOST, 'balance')
    expect(bal.hosts.map(h => h.vms.map(v => v.family).join(''))).toEqual(['rrcccccc', 'rrcc'])
    expect([bal.freeCpu, bal.freeMem]).toEqual([ff.freeCpu, ff.freeMem])
    expect([bal.strandedCpu, bal.strandedMem]).toEqual([0, 16])
    expect(anyShapeFits({ cpu: bal.hosts[1].cpuFree, mem: bal.hosts[1].memFree })).toBe(true)
  })

  it('checks both resources: a VM never goes where its memory does not fit', () => {
    // Host 0 keeps 16 vCPU but no memory after four r; the c must go to host 1.
    const r = place([
      ...vms('r', 4),
      ...vms('c', 1, 5),
    ], 2, DEMO_HOST, 'first-fit')
    expect(r.hosts[1].vms.map(v => v.id)).toEqual(['c5'])
    for (const h of r.hosts) {
      expect(h.cpuFree).toBeGreaterThanOrEqual(0)
      expect(h.memFree).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('the request mix', () => {
  it('averages 4 GiB per vCPU — the host\'s own ratio — when a fifth is memory-optimised', () => {
    // c 2, m 4, r 8 GiB/vCPU: 0.4 × 2 + 0.4 × 4 + 0.2 × 8 = 4; at half r: 0.25 × 6 + 0.5 × 8 = 5.5.
    expect(meanRatio(0.2)).toBeCloseTo(4, 12)
    expect(meanRatio(0.5)).toBeCloseTo(5.5, 12)
  })

  it('is reproducible from its seed and comes in deployments of one shape', () => {
    expect(requestStream(30, 0.2, 2)).toEqual(requestStream(30, 0.2, 2))
    expect(requestStream(30, 0.2, 2)).not.toEqual(requestStream(30, 0.2, 3))
    const all = requestStream(4000, 0.3, 9)
    const share = all.filter(v => v.family === 'r').length / all.length
    expect(share).toBeGreaterThan(0.25)
    expect(share).toBeLessThan(0.35)
  })
})

describe('over 200 seeded streams on six hosts', () => {
  function average(memShare: number, policy: Policy) {
    let placed = 0
    let strandedCpu = 0
    for (let seed = 1; seed <= 200; seed++) {
      const r = place(requestStream(96, memShare, seed), 6, DEMO_HOST, policy)
      placed += r.placed
      strandedCpu += r.strandedCpu
    }
    return { placed: placed / 200, strandedCpuShare: strandedCpu / 200 / (6 * DEMO_HOST.cpu) }
  }

  it('balancing places more VMs before the first "no" and strands less CPU when the mix matches the hosts', () => {
    const ff = average(0.2, 'first-fit')
    const bal = average(0.2, 'balance')
    expect(bal.placed - ff.placed).toBeGreaterThan(1)
    expect(bal.strandedCpuShare).toBeLessThan(ff.strandedCpuShare / 2)
  })

  it('no policy saves the CPU when half the requests are memory-optimised: a sixth or more is stranded either way', () => {
    for (const policy of ['first-fit', 'balance'] as Policy[])
      expect(average(0.5, policy).strandedCpuShare).toBeGreaterThan(1 / 6)
  })
})
