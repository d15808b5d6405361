import type { RenderContext } from '@slidev/types'
import type { Ref } from 'vue'
import { computed, inject } from 'vue'

// Slidev's `injectionRenderContext` (@slidev/client/constants.ts). Its value is a plain string by
// design; importing the constant would pull Slidev's client into unit tests and breaks the build alias.
export const injectionRenderContext = '$$slidev-render-context'

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
