import type { ClicksContext, RenderContext } from '@slidev/types'
import type { Ref } from 'vue'
import { computed, inject } from 'vue'

// Slidev's injection keys (@slidev/client/constants.ts). Their values are plain strings by design;
// importing the constants would pull Slidev's client into unit tests and breaks the build alias.
export const injectionRenderContext = '$$slidev-render-context'
/** The number of the slide a component sits on. */
export const injectionCurrentPage = '$$slidev-page'
/** The clicks context of the slide a component sits on. */
export const injectionClicksContext = '$$slidev-clicks-context'
/** `$slidev`: `nav` (position, next/prev, isPresenter …) and the configs. */
export const injectionSlidevContext = '$$slidev-context'

/** The part of `$slidev.nav` the deck uses. */
export interface DeckNav {
  currentSlideNo: number
  isPresenter: boolean
  next: () => void | Promise<void>
  prev: () => void | Promise<void>
}

export function useSlidevNav(): DeckNav | undefined {
  return inject<{ nav: DeckNav } | undefined>(injectionSlidevContext, undefined)?.nav
}

export function useSlidePage(): Ref<number> | undefined {
  return inject<Ref<number> | undefined>(injectionCurrentPage, undefined)
}

export function useSlideClicks(): Ref<ClicksContext> | undefined {
  return inject<Ref<ClicksContext> | undefined>(injectionClicksContext, undefined)
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
