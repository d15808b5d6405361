/**
 * A projector that rejoins: an audience tab opened mid-talk at `/`, `/1` or `/?password=…` (no slide
 * asked for) goes to the presenter's slide and click, instead of starting at slide 1 and pulling every
 * screen — the presenter's included — back there (Slidev follows whichever view moved last).
 *
 * Where the presenter is: Slidev's shared state on the dev server (it knows the presenter's page across
 * devices), or, in a built site, the position a presenter view of the same browser keeps in localStorage
 * beside its beacon (client/presenterBeacon.ts).
 */
import { SLIDEV_QUERIES, SLIDEV_ROUTES } from '../shared/slidev-internals.ts'
import { PRESENTER_BEACON_FRESH_MS, PRESENTER_BEACON_KEY } from './presenterBeacon'

export interface Position {
  page: number
  clicks: number
}

/** How long a joining view sends nothing (its slide mounts meanwhile), and the localStorage mark that it does not. */
export const REJOIN_QUIET_MS = 3000
export const REJOIN_MUTED_KEY = 'deck:rejoin-muted'

/** localStorage key of the presenter's position (JSON `{ page, clicks }`), written by a presenter view. */
export const PRESENTER_POSITION_KEY = 'deck:presenter-position'

/** The shared state's part that tells who moved last and where the deck is. */
export interface SharedPosition extends Position {
  lastUpdate?: { type: 'presenter' | 'viewer' }
}

/** Where a live presenter is: from the shared state when a presenter moved last, else from a fresh beacon. */
export function presenterPosition(shared: SharedPosition, storage: Pick<Storage, 'getItem'> | undefined, nowMs: number): Position | undefined {
  if (shared.lastUpdate?.type === 'presenter' && shared.page >= 1) {
    return {
      page: Number(shared.page),
      clicks: Number(shared.clicks) || 0,
    }
  }
  const beat = Number(storage?.getItem(PRESENTER_BEACON_KEY))
  if (!beat || nowMs - beat >= PRESENTER_BEACON_FRESH_MS)
    return undefined
  try {
    const { page, clicks } = JSON.parse(storage?.getItem(PRESENTER_POSITION_KEY) ?? '')
    return Number(page) >= 1
      ? {
          page: Number(page),
          clicks: Number(clicks) || 0,
        }
      : undefined
  }
  catch {
    return undefined
  }
}

/** The first route of an audience tab, as the router resolved it (`/` redirects to `/1`). */
export interface FirstRoute {
  name?: unknown
  no?: unknown
  query: Record<string, unknown>
}

/**
 * Where a fresh audience tab should go instead of `to`, or undefined to stay: only the play route of slide 1
 * (what `/` and `/?password=…` resolve to) with no click asked for, and only while a presenter is elsewhere.
 */
export function rejoinTarget(to: FirstRoute, live: Position | undefined): Position | undefined {
  if (to.name !== SLIDEV_ROUTES.play || String(to.no) !== '1' || to.query[SLIDEV_QUERIES.clicks] !== undefined || SLIDEV_QUERIES.print in to.query || SLIDEV_QUERIES.embedded in to.query)
    return undefined
  if (!live || (live.page === 1 && live.clicks === 0))
    return undefined
  return live
}
