import { describe, expect, it } from 'vitest'
import { fastest, median } from './bench.ts'

describe('bench rounds', () => {
  it('counts the fastest run that succeeded, and a failure when none did', () => {
    const runs = [
      { seconds: 21.4, ok: true },
      { seconds: 9.0, ok: false },
      { seconds: 15.2, ok: true },
    ]
    expect(fastest(runs, r => r.ok, r => r.seconds)).toBe(runs[2])
    const failed = [
      { seconds: 3, ok: false },
      { seconds: 2, ok: false },
    ]
    expect(fastest(failed, r => r.ok, r => r.seconds)).toBe(failed[0])
  })

  it('reports the median of the pairs\' ratios', () => {
    expect(median([0.7, 0.5, 0.6])).toBe(0.6)
    expect(median([0.5, 0.9, 0.6, 0.7])).toBeCloseTo(0.65)
  })
})
