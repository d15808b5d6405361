import { describe, expect, it } from 'vitest'
import { postCopy, QEMU_DEFAULTS, simulatePrecopy, stopAndCopy, transferSeconds } from './migration'

// facts.md, "Worked example": M = 1 GiB, B = 125 MB/s, D = 25 MB/s (λ = 0.2)
const worked = { memoryMiB: 1024, bandwidthMBps: 125, dirtyRateMBps: 25 }

describe('pre-copy live migration, QEMU rules', () => {
  it('reproduces the worked example: 1024 → 204.8 → 40.96 MiB, ≈69 ms downtime, ≈10.6 s, ≈1.25 GiB', () => {
    const r = simulatePrecopy(worked)
    expect(r.lambda).toBeCloseTo(0.2, 10)
    const precopy = r.rows.filter(x => x.phase === 'pre-copy')
    expect(precopy.map(x => x.sentMiB)).toEqual([
      1024,
      expect.closeTo(204.8, 9),
      expect.closeTo(40.96, 9),
    ])
    const last = r.rows.at(-1)!
    expect(last.phase).toBe('stop-and-copy')
    expect(last.sentMiB).toBeCloseTo(8.19, 2)
    expect(r.verdict).toBe('converges')
    expect(r.downtimeS * 1000).toBeCloseTo(69, 0)
    expect(r.totalDataMiB / 1024).toBeCloseTo(1.25, 2)
    // the three live rounds take 10.65 s ("≈ 10.6 s"); with the 69 ms stop-and-copy 10.72 s end to end
    expect(r.precopyTimeS).toBeCloseTo(10.65, 2)
    expect(r.totalTimeS).toBeCloseTo(10.72, 2)
  })

  it('switches over at ≈35.8 MiB = 125 MB/s × 300 ms (default downtime limit), so 40.96 MiB is one round too many and 8.19 MiB is under it', () => {
    const r = simulatePrecopy(worked)
    expect(QEMU_DEFAULTS.downtimeLimitMs).toBe(300)
    expect(r.thresholdMiB).toBeCloseTo(35.76, 2)
    expect(r.rows[1].dirtiedMiB).toBeGreaterThan(r.thresholdMiB)
    expect(r.rows[2].dirtiedMiB).toBeLessThanOrEqual(r.thresholdMiB)
  })

  it('the 30 ms limit of older QEMU releases needs one more round (3.58 MiB threshold → 1.64 MiB left, ≈14 ms downtime)', () => {
    const r = simulatePrecopy({ ...worked, downtimeLimitMs: 30 })
    expect(r.rows.filter(x => x.phase === 'pre-copy')).toHaveLength(4)
    expect(r.rows.at(-1)!.sentMiB).toBeCloseTo(1.6384, 4)
    expect(r.downtimeS * 1000).toBeCloseTo(13.7, 1)
  })

  it('never converges when λ = D/B ≥ 1: the dirty set never shrinks below M', () => {
    const r = simulatePrecopy({ memoryMiB: 1024, bandwidthMBps: 125, dirtyRateMBps: 125 })
    expect(r.lambda).toBe(1)
    expect(r.verdict).toBe('never-converges')
    expect(r.downtimeS).toBe(Infinity)
    expect(r.rows.every(x => x.sentMiB === 1024)).toBe(true)
    expect(simulatePrecopy({ memoryMiB: 4096, bandwidthMBps: 125, dirtyRateMBps: 200 }).verdict).toBe('never-converges')
  })

  it('a user cap on rounds ends a non-converging migration with a forced stop-and-copy of the whole dirty set', () => {
    const r = simulatePrecopy({
      memoryMiB: 1024,
      bandwidthMBps: 125,
      dirtyRateMBps: 200,
      maxRounds: 5,
    })
    expect(r.verdict).toBe('stopped-by-cap')
    expect(r.cap).toBe('rounds')
    expect(r.downtimeS).toBeCloseTo(transferSeconds(1024, 125), 9) // 8.59 s: as bad as stop-and-copy
  })
})

describe('pre-copy live migration, legacy Xen rules (xc_domain_save.c: ≤ 29 iterations, < 50 pages, > 3·M)', () => {
  it('under legacy Xen rules the 3·M cap stops a VM whose dirty rate exceeds the link: 4 rounds of 1 GiB, then 1 GiB stop-and-copy', () => {
    const r = simulatePrecopy({
      memoryMiB: 1024,
      bandwidthMBps: 125,
      dirtyRateMBps: 150,
      rules: 'xen-legacy',
    })
    expect(r.verdict).toBe('stopped-by-cap')
    expect(r.cap).toBe('data')
    const precopy = r.rows.filter(x => x.phase === 'pre-copy')
    expect(precopy).toHaveLength(4) // 4·M > 3·M
    expect(r.totalDataMiB).toBe(5 * 1024)
    expect(r.downtimeS).toBeCloseTo(8.59, 2)
  })

  it('under legacy Xen rules it keeps iterating until fewer than 50 dirty 4 KiB pages (200 KiB) remain: 6 rounds for the worked example', () => {
    const r = simulatePrecopy({ ...worked, rules: 'xen-legacy' })
    expect(r.verdict).toBe('converges')
    expect(r.rows.filter(x => x.phase === 'pre-copy')).toHaveLength(6)
    expect(r.rows.at(-1)!.sentMiB * 1024).toBeLessThan(200) // 1024 · 0.2⁶ MiB = 65.5 KiB
  })

  it('under legacy Xen rules it stops after 29 iterations when a large VM\'s dirty set shrinks too slowly (64 GiB, λ = 0.66, 2.94·M sent)', () => {
    const r = simulatePrecopy({
      memoryMiB: 65536,
      bandwidthMBps: 125,
      dirtyRateMBps: 82.5,
      rules: 'xen-legacy',
    })
    expect(r.totalDataMiB - r.rows.at(-1)!.sentMiB).toBeLessThan(3 * 65536)
    expect(r.verdict).toBe('stopped-by-cap')
    expect(r.cap).toBe('rounds')
    expect(r.rows.filter(x => x.phase === 'pre-copy')).toHaveLength(29)
  })
})

describe('pre-copy live migration, current Xen rules (migration v2, xg_sr_save.c: < 50 dirty pages or 5 iterations)', () => {
  it('stops the worked example after 5 iterations with 0.33 MiB (> 50 pages) still dirty: ≈2.7 ms downtime', () => {
    const r = simulatePrecopy({ ...worked, rules: 'xen' })
    expect(r.verdict).toBe('stopped-by-cap')
    expect(r.cap).toBe('rounds')
    expect(r.rows.filter(x => x.phase === 'pre-copy')).toHaveLength(5)
    expect(r.rows.at(-1)!.sentMiB).toBeCloseTo(1024 * 0.2 ** 5, 9)
    expect(r.downtimeS * 1000).toBeCloseTo(2.7, 1)
  })

  it('has no 3·M rule: a λ = 1.2 guest is sent 5 times, then stopped and copied whole (6 GiB in total)', () => {
    const r = simulatePrecopy({
      memoryMiB: 1024,
      bandwidthMBps: 125,
      dirtyRateMBps: 150,
      rules: 'xen',
    })
    expect(r.cap).toBe('rounds')
    expect(r.totalDataMiB).toBe(6 * 1024)
    expect(r.downtimeS).toBeCloseTo(8.59, 2)
  })
})

describe('writable working set: λ < 1 is not enough', () => {
  it('with λ = 0.2 but a 64 MiB hot set, more than 125 MB/s × 300 ms ≈ 35.8 MiB stays dirty: never converges', () => {
    const r = simulatePrecopy({ ...worked, wwsMiB: 64 })
    expect(r.lambda).toBeCloseTo(0.2, 10)
    expect(r.verdict).toBe('never-converges')
    expect(r.rows.slice(2).every(x => x.sentMiB === 64)).toBe(true)
  })

  it('the same guest converges once B × downtime limit holds the hot set (600 ms → 71.5 MiB): 64 MiB in ≈537 ms', () => {
    const r = simulatePrecopy({ ...worked, wwsMiB: 64, downtimeLimitMs: 600 })
    expect(r.thresholdMiB).toBeCloseTo(71.53, 2)
    expect(r.verdict).toBe('converges')
    expect(r.downtimeS * 1000).toBeCloseTo(536.9, 1)
  })
})

describe('auto-converge (QEMU: throttle 20 %, then +10 % per round)', () => {
  it('makes a λ = 1.2 migration converge by throttling the vCPUs 20 → 30 → … %', () => {
    const input = { memoryMiB: 1024, bandwidthMBps: 125, dirtyRateMBps: 150 }
    expect(simulatePrecopy(input).verdict).toBe('never-converges')
    const r = simulatePrecopy({ ...input, autoConverge: true })
    expect(r.verdict).toBe('converges')
    const throttles = r.rows.filter(x => x.phase === 'pre-copy').map(x => x.throttle)
    expect(throttles.slice(0, 4)).toEqual([0, 0.2, 0.3, 0.4])
    expect(throttles).toEqual([...throttles].sort((a, b) => a - b))
    expect(r.downtimeS).toBeLessThanOrEqual(0.3)
  })

  it('does not throttle a guest that already converges (worked example unchanged)', () => {
    const r = simulatePrecopy({ ...worked, autoConverge: true })
    expect(r.maxThrottle).toBe(0)
    expect(r.downtimeS * 1000).toBeCloseTo(69, 0)
  })
})

describe('alternatives', () => {
  it('stop-and-copy of 1 GiB at 125 MB/s: 8.59 s of downtime, the whole transfer', () => {
    const s = stopAndCopy(1024, 125)
    expect(s.downtimeS).toBeCloseTo(8.59, 2)
    expect(s.totalTimeS).toBe(s.downtimeS)
  })

  it('post-copy sends each page once (total ≈ M/B) and stops the guest only for CPU/device state', () => {
    const p = postCopy(1024, 125)
    expect(p.totalTimeS).toBeCloseTo(8.59, 2)
    expect(p.totalDataMiB).toBe(1024)
    expect(p.downtimeS).toBe(0)
    expect(p.note).toContain('远程缺页')
  })
})
