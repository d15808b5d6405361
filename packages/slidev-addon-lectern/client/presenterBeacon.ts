/**
 * A prerendered slide page (node/make/pages/prerender.ts) starts the app only on the reader's first key, touch
 * or pointer move — but a projector tab opened beside a presenter view must follow the presenter at
 * once. The presenter view writes this beacon to localStorage every few seconds; a prerendered page
 * that finds a fresh one, or sees it written, starts the app straight away.
 */
export const PRESENTER_BEACON_KEY = 'deck:presenter-beacon'
/** How often the presenter view writes the beacon, and how old a beacon may be and still count. */
export const PRESENTER_BEACON_MS = 2000
export const PRESENTER_BEACON_FRESH_MS = 3 * PRESENTER_BEACON_MS

/** Keeps the beacon fresh while `isPresenter()` holds; returns the stop function. */
export function beaconWhilePresenting(storage: Storage, isPresenter: () => boolean): () => void {
  const beat = () => {
    if (isPresenter())
      storage.setItem(PRESENTER_BEACON_KEY, String(Date.now()))
  }
  beat()
  const timer = setInterval(beat, PRESENTER_BEACON_MS)
  return () => clearInterval(timer)
}
