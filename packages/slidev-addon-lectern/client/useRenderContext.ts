import type { ClicksContext, RenderContext } from '@slidev/types'
import type { Ref } from 'vue'
import { computed, inject } from 'vue'
import { SLIDEV } from '../shared/slidev-internals.ts'

// Slidev's injection keys (plain strings by design): importing Slidev's own constants would pull its client
// into unit tests and break the build alias, so they come from shared/slidev-internals.ts.
export const injectionRenderContext = SLIDEV.renderContextKey

/** The part of `$slidev.nav` the deck uses. */
export interface DeckNav {
  currentSlideNo: number
  isPresenter: boolean
  next: () => void | Promise<void>
  prev: () => void | Promise<void>
}

export function useSlidevNav(): DeckNav | undefined {
  return inject<{ nav: DeckNav } | undefined>(SLIDEV.contextKey, undefined)?.nav
}

/** The number of the slide a component sits on. */
export function useSlidePage(): Ref<number> | undefined {
  return inject<Ref<number> | undefined>(SLIDEV.pageKey, undefined)
}

/** The clicks context of the slide a component sits on. */
export function useSlideClicks(): Ref<ClicksContext> | undefined {
  return inject<Ref<ClicksContext> | undefined>(SLIDEV.clicksContextKey, undefined)
}

export function useRenderContext(): Ref<RenderContext> | undefined {
  return inject<Ref<RenderContext> | undefined>(injectionRenderContext, undefined)
}

/**
 * Whether a component should show its finished, static picture instead of waiting for input:
 * true in the overview, the presenter's next-slide preview and the print/export route,
 * false on the live slide and in the presenter's current slide.
 */
export function useStaticRender() {
  const context = useRenderContext()
  return computed(() => {
    if (typeof location !== 'undefined' && /^\/?(?:.*\/)?(?:print|export)\b/.test(location.pathname.replace(import.meta.env?.BASE_URL ?? '/', '/')))
      return true
    const value = context?.value ?? 'slide'
    return value !== 'slide' && value !== 'presenter'
  })
}
