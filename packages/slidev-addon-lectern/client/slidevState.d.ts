import type { ModelStore } from './useSyncedInputs'

/** The live models' inputs (and the deck's own shared keys), synced with every view of the deck. */
export function modelStore(): ModelStore

/** Slidev's shared presentation state: the part the deck reads and writes. */
export const sharedState: {
  page: number
  clicks: number
  /** Who moved last: a presenter view or an audience view. */
  lastUpdate?: { id: string, type: 'presenter' | 'viewer', time: number }
  timer: {
    status: 'stopped' | 'running' | 'paused'
    startedAt: number
    pausedAt: number
    slides: Record<number, { start?: number, end?: number }>
  }
}
