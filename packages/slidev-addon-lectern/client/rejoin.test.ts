import { describe, expect, it } from 'vitest'
import { PRESENTER_BEACON_KEY } from './presenterBeacon'
import { PRESENTER_POSITION_KEY, presenterPosition, rejoinTarget } from './rejoin'

function storage(items: Record<string, string>) {
  return {
    getItem: (key: string) => items[key] ?? null,
  }
}
const NOW = 1_000_000

describe('a projector that rejoins', () => {
  it('knows where the presenter is from the shared state when a presenter moved last', () => {
    expect(presenterPosition({
      page: 12,
      clicks: 2,
      lastUpdate: { type: 'presenter' },
    }, undefined, NOW)).toEqual({ page: 12, clicks: 2 })
    expect(presenterPosition({
      page: 12,
      clicks: 2,
      lastUpdate: { type: 'viewer' },
    }, undefined, NOW)).toBeUndefined()
  })

  it('in a built site, from a presenter view of the same browser while its beacon is fresh', () => {
    const items = {
      [PRESENTER_BEACON_KEY]: String(NOW - 1000),
      [PRESENTER_POSITION_KEY]: JSON.stringify({ page: 7, clicks: 1 }),
    }
    expect(presenterPosition({ page: 1, clicks: 0 }, storage(items), NOW)).toEqual({ page: 7, clicks: 1 })
    expect(presenterPosition({ page: 1, clicks: 0 }, storage(items), NOW + 60_000)).toBeUndefined()
    expect(presenterPosition({ page: 1, clicks: 0 }, storage({ ...items, [PRESENTER_POSITION_KEY]: 'garbage' }), NOW)).toBeUndefined()
  })

  it('joins only a fresh tab at slide 1 with no click asked for', () => {
    const live = { page: 12, clicks: 2 }
    expect(rejoinTarget({ name: 'play', no: '1', query: {} }, live)).toEqual(live)
    expect(rejoinTarget({
      name: 'play',
      no: '1',
      query: { password: 'pw' },
    }, live)).toEqual(live)
    expect(rejoinTarget({ name: 'play', no: '5', query: {} }, live)).toBeUndefined()
    expect(rejoinTarget({
      name: 'play',
      no: '1',
      query: { clicks: '0' },
    }, live)).toBeUndefined()
    expect(rejoinTarget({
      name: 'play',
      no: '1',
      query: { print: 'true' },
    }, live)).toBeUndefined()
    expect(rejoinTarget({ name: 'presenter', no: '1', query: {} }, live)).toBeUndefined()
    expect(rejoinTarget({ name: 'play', no: '1', query: {} }, undefined)).toBeUndefined()
  })
})
