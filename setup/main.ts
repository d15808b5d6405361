import { defineAppSetup } from '@slidev/types'
import { SLIDEV } from '../tools/slidev-internals.ts'
import { injectionModelStore } from '../composables/useSyncedInputs'
import { modelStore } from './slidevState'
import './presenter.css'

/**
 * A component that throws is reported with the slide it sits on, so the export (tools/slides-pdf.ts)
 * and the browser tests can name the slide and its file instead of printing a blank page.
 */
export default defineAppSetup(({ app }) => {
  // One store of live-model inputs for the whole app, synced with every other view of the deck.
  app.provide(injectionModelStore, modelStore())
  app.config.errorHandler = (error, instance, info) => {
    const page = (instance?.$ as { provides?: Record<string, { value?: number }> } | undefined)?.provides?.[SLIDEV.pageKey]?.value
    console.error(`[deck] slide ${page ?? '?'}: ${error instanceof Error
      ? error.message
      : String(error)} (${info})`, error)
  }
})
