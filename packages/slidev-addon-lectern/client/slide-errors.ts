import type { App } from 'vue'
import { SLIDEV } from '../shared/slidev-internals.ts'

/**
 * A component that throws is reported with the slide it sits on, so the export (node/make/print/slides-pdf.ts)
 * and the browser tests can name the slide and its file instead of printing a blank page.
 * Its own module so a fixture deck can use it without the live models' synced state.
 */
export function reportSlideErrors(app: App): void {
  app.config.errorHandler = (error, instance, info) => {
    const page = (instance?.$ as { provides?: Record<string, { value?: number }> } | undefined)?.provides?.[SLIDEV.pageKey]?.value
    console.error(`[deck] slide ${page ?? '?'}: ${error instanceof Error
      ? error.message
      : String(error)} (${info})`, error)
  }
}
