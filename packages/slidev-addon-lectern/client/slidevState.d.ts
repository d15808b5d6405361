import type { ComputedRef, Ref, WritableComputedRef } from 'vue'
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

/** Slidev's dark-mode switch (`useDarkMode().isDark`: kept per browser in localStorage; `d` toggles it). */
export const isDark: WritableComputedRef<boolean>

/** Which views send and receive the slide position (Slidev's menu; kept in localStorage). Private: SLIDEV_IMPORTS. */
export const syncDirections: Ref<{ viewerSend: boolean, viewerReceive: boolean, presenterSend: boolean, presenterReceive: boolean }>

/** Slidev's navigation (`useNav()`): the part the kit uses. Inside a slide, that slide's; elsewhere the app's. */
export function useNav(): {
  slides: Ref<{ no: number, meta?: { slide?: { title?: string, frontmatter?: Record<string, unknown> } } }[]>
  currentSlideNo: ComputedRef<number>
  clicks: ComputedRef<number>
  isPresenter: ComputedRef<boolean>
  isPlaying: ComputedRef<boolean>
  isPrintMode: ComputedRef<boolean>
  next: () => Promise<void>
  prev: () => Promise<void>
}
