import type { VmConfig } from './creditScheduler'
import { describe, expect, it } from 'vitest'
import { CREDITS_PER_TSLICE, DEFAULT_WEIGHT, DEMO_VMS, simulateCredit, TICK_MS, TICKS_PER_TSLICE, TSLICE_MS } from './creditScheduler'

// Published parameters: xen/common/sched/credit.c (cite id 'xen-credit').
function busy(name: string, weight = DEFAULT_WEIGHT, cap = 0, home?: number): VmConfig {
  return {
    name,
    vcpus: 1,
    weight,
    cap,
    workload: 'busy',
    home,
  }
}

describe('credit scheduler constants (credit.c)', () => {
  it('uses a 30 ms slice of three 10 ms ticks and the default weight 256', () => {
    expect(TSLICE_MS).toBe(30)
    expect(TICK_MS).toBe(10)
    expect(TICKS_PER_TSLICE * TICK_MS).toBe(TSLICE_MS)
    expect(DEFAULT_WEIGHT).toBe(256)
    expect(CREDITS_PER_TSLICE).toBe(300)
  })
})

describe('simulateCredit', () => {
  it('gives weight 512 twice the CPU of weight 256 on one contended pCPU (2:1 within ±5% over 3 s)', () => {
    const r = simulateCredit({
      pcpus: 1,
      durationMs: 3000,
      vms: [
        busy('A', 512),
        busy('B', 256),
      ],
    })
    const ratio = r.totals[0].cpuMs / r.totals[1].cpuMs
    expect(ratio).toBeGreaterThanOrEqual(2 * 0.95)
    expect(ratio).toBeLessThanOrEqual(2 * 1.05)
    expect(r.idleMs).toBe(0)
    // The running average settles: over the last second it is within ±5% too.
    const last = r.series[r.series.length - 1].cumulative
    expect(last[0] / last[1]).toBeCloseTo(2, 0)
  })

  it('holds a busy VM with cap 50 at ≤ 50% of one pCPU, although the pCPU is otherwise idle', () => {
    const capped = simulateCredit({
      pcpus: 1,
      durationMs: 3000,
      vms: [
        busy('A', 256, 50),
      ],
    })
    expect(capped.totals[0].pcpuShare).toBeLessThanOrEqual(0.5)
    expect(capped.totals[0].pcpuShare).toBeGreaterThan(0.45)
    expect(capped.events.some(e => e.kind === 'park')).toBe(true)
    const uncapped = simulateCredit({
      pcpus: 1,
      durationMs: 3000,
      vms: [
        busy('A', 256, 0),
      ],
    })
    expect(uncapped.totals[0].pcpuShare).toBe(1)
  })

  it('boosts a waking interactive VM so it preempts an OVER busy VM at once (from the trace)', () => {
    const vms: VmConfig[] = [
      busy('A'),
      {
        name: 'C',
        vcpus: 1,
        weight: 256,
        cap: 0,
        workload: {
          periodic: { runMs: 2, sleepMs: 15 },
        },
      },
    ]
    const r = simulateCredit({ pcpus: 1, durationMs: 3000, vms })
    const ranAt = (t: number) => r.trace.find(s => s.t === t && s.pcpu === 0)
    const wakes = r.events.filter(e => e.kind === 'wake' && e.vcpu === 'C.0')
    expect(wakes.length).toBeGreaterThan(100)
    for (const w of wakes) {
      expect(w.pri).toBe('BOOST')
      // C runs in the very ms it wakes: zero wake-to-run latency.
      expect(ranAt(w.t)?.vcpu).toBe('C.0')
    }
    const overtaken = r.events.filter(e => e.kind === 'preempt' && e.vcpu === 'C.0' && e.victimPri === 'OVER')
    expect(overtaken.length).toBeGreaterThan(10)
    for (const e of overtaken) {
      expect(ranAt(e.t - 1)).toMatchObject({ vcpu: 'A.0', pri: 'OVER' })
      expect(ranAt(e.t)).toMatchObject({ vcpu: 'C.0', pri: 'BOOST' })
    }
    // Without the boost, C waits for A's 30 ms slice: mean wake-to-run latency well above 10 ms.
    const slow = simulateCredit({
      pcpus: 1,
      durationMs: 3000,
      vms,
      boost: false,
    })
    const lat = slow.events.filter(e => e.kind === 'wake' && e.vcpu === 'C.0')
      .map(w => (slow.trace.find(s => s.t >= w.t && s.vcpu === 'C.0')?.t ?? Infinity) - w.t)
    expect(lat.reduce((a, b) => a + b, 0) / lat.length).toBeGreaterThan(10)
  })

  it('lets an idle pCPU steal work: 2 pCPUs, two busy VMs queued on pCPU 0 both get ≈100%', () => {
    const vms = [
      busy('A', 256, 0, 0),
      busy('B', 256, 0, 0),
    ]
    const r = simulateCredit({ pcpus: 2, durationMs: 3000, vms })
    expect(r.events.some(e => e.kind === 'steal' && e.pcpu === 1 && e.from === 0)).toBe(true)
    for (const tot of r.totals)
      expect(tot.pcpuShare).toBeGreaterThan(0.99)
    const noSteal = simulateCredit({
      pcpus: 2,
      durationMs: 3000,
      vms,
      workStealing: false,
    })
    for (const tot of noSteal.totals)
      expect(tot.pcpuShare).toBeCloseTo(0.5, 2)
  })

  it('never hands out more CPU than exists', () => {
    const r = simulateCredit({
      pcpus: 2,
      durationMs: 1500,
      vms: [...DEMO_VMS],
    })
    const used = r.totals.reduce((s, x) => s + x.cpuMs, 0)
    expect(used + r.idleMs).toBe(2 * 1500)
    for (const p of r.series)
      expect(p.window.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 + 1e-9)
  })
})

describe('steal time (what the Guest sees as `st`)', () => {
  it('two busy vCPUs on one pCPU: every ms one runs and the other is stolen, so run + steal = wall time', () => {
    const r = simulateCredit({
      pcpus: 1,
      vms: [
        busy('A'),
        busy('B'),
      ],
      durationMs: 3000,
    })
    for (const t of r.totals) {
      expect(t.cpuMs + t.stealMs).toBe(3000)
      expect(t.stealMs / 3000).toBeGreaterThan(0.45)
    }
  })

  it('weight 512 vs 256: the heavier VM is stolen from about half as often (1/3 vs 2/3 of the time)', () => {
    const r = simulateCredit({
      pcpus: 1,
      vms: [
        busy('A', 512),
        busy('B', 256),
      ],
      durationMs: 3000,
    })
    const [a, b] = r.totals
    expect(a.stealMs / 3000).toBeCloseTo(1 / 3, 1)
    expect(b.stealMs / 3000).toBeCloseTo(2 / 3, 1)
  })

  it('no contention, no steal: two busy vCPUs on two pCPUs', () => {
    const r = simulateCredit({
      pcpus: 2,
      vms: [
        busy('A', 256, 0, 0),
        busy('B', 256, 0, 1),
      ],
      durationMs: 1000,
    })
    expect(r.totals.map(t => t.stealMs)).toEqual([0, 0])
  })
})
