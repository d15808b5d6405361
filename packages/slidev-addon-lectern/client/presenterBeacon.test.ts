import { afterEach, describe, expect, it, vi } from 'vitest'
import { beaconWhilePresenting, PRESENTER_BEACON_FRESH_MS, PRESENTER_BEACON_KEY, PRESENTER_BEACON_MS } from './presenterBeacon'

function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    get length() { return map.size },
    clear: () => map.clear(),
    getItem: key => map.get(key) ?? null,
    key: i => [
      ...map.keys(),
    ][i] ?? null,
    removeItem: key => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  }
}

afterEach(() => vi.useRealTimers())

describe('the presenter beacon', () => {
  it('stays fresh while the presenter view runs, and goes stale after it stops', () => {
    vi.useFakeTimers()
    const storage = memoryStorage()
    const stop = beaconWhilePresenting(storage, () => true)
    const age = () => Date.now() - Number(storage.getItem(PRESENTER_BEACON_KEY))
    vi.advanceTimersByTime(10 * PRESENTER_BEACON_MS)
    expect(age()).toBeLessThan(PRESENTER_BEACON_FRESH_MS)
    stop()
    vi.advanceTimersByTime(PRESENTER_BEACON_FRESH_MS)
    expect(age()).toBeGreaterThanOrEqual(PRESENTER_BEACON_FRESH_MS)
  })

  it('is never written by an audience view', () => {
    vi.useFakeTimers()
    const storage = memoryStorage()
    const stop = beaconWhilePresenting(storage, () => false)
    vi.advanceTimersByTime(5 * PRESENTER_BEACON_MS)
    expect(storage.getItem(PRESENTER_BEACON_KEY)).toBeNull()
    stop()
  })
})
