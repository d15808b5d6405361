import type { ClicksContext, RenderContext } from '@slidev/types'
import type { Ref } from 'vue'
import type { Messages } from '../shared/messages.ts'
import { computed, inject } from 'vue'
import { messages } from '../shared/messages.ts'
import { isPrintUrl, SLIDEV } from '../shared/slidev-internals.ts'

// What Slidev provides to a slide's components, by its injection keys (shared/slidev-internals.ts). The public
// `useSlideContext()` reads the same keys but throws where no clicks context was provided, and a live model
// must also work mounted alone (component tests), so these read the keys and return undefined outside Slidev.
// Code that runs only inside Slidev's app uses the public `useNav()` (client/slidevState.js) instead.
export const injectionRenderContext = SLIDEV.renderContextKey

/** The part of `$slidev.nav` the deck uses. */
export interface DeckNav {
  currentSlideNo: number
  isPresenter: boolean
  next: () => void | Promise<void>
  prev: () => void | Promise<void>
}

/** Slidev's context (`$slidev` in a template): the slide's navigation and the deck's configuration. */
function useSlidevContext(): { nav: DeckNav, configs?: { lang?: string } } | undefined {
  return inject<{ nav: DeckNav, configs?: { lang?: string } } | undefined>(SLIDEV.contextKey, undefined)
}

export function useSlidevNav(): DeckNav | undefined {
  return useSlidevContext()?.nav
}

/** The kit's words in the deck's language (`$slidev.configs.lang`, its `lang` headmatter); English outside Slidev or without `lang`. */
export function useKitMessages(): Messages {
  return messages(useSlidevContext()?.configs?.lang)
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
    if (typeof location !== 'undefined' && isPrintUrl(location, import.meta.env?.BASE_URL))
      return true
    const value = context?.value ?? 'slide'
    return value !== 'slide' && value !== 'presenter'
  })
}
