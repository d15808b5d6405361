import type { Ref, WritableComputedRef } from 'vue'
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

/** Slidev's dark-mode switch (kept per browser in localStorage; `d` toggles it). */
export const isDark: WritableComputedRef<boolean>

/** Which views send and receive the slide position (Slidev's menu; kept in localStorage). */
export const syncDirections: Ref<{ viewerSend: boolean, viewerReceive: boolean, presenterSend: boolean, presenterReceive: boolean }>
