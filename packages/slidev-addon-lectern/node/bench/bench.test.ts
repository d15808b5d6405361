import { describe, expect, it } from 'vitest'
import { fastest } from './bench.ts'

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
})
