import type { RenderContext } from '@slidev/types'
import type { Ref } from 'vue'
import { computed, inject } from 'vue'
import { SLIDEV } from '../tools/slidev-internals.ts'

// Slidev's `injectionRenderContext` (a plain string by design): importing Slidev's own constant would pull
// its client into unit tests and break the build alias, so it comes from tools/slidev-internals.ts.
export const injectionRenderContext = SLIDEV.renderContextKey

/**
 * Whether a component should show its finished, static picture instead of waiting for input:
 * true in the overview, the presenter's next-slide preview and the print/export route,
 * false on the live slide and in the presenter's current slide.
 */
export function useStaticRender() {
  const context = inject<Ref<RenderContext> | undefined>(injectionRenderContext, undefined)
  return computed(() => {
    if (typeof location !== 'undefined' && /^\/?(?:.*\/)?(?:print|export)\b/.test(location.pathname.replace(import.meta.env?.BASE_URL ?? '/', '/')))
      return true
    const value = context?.value ?? 'slide'
    return value !== 'slide' && value !== 'presenter'
  })
}
