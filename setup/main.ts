import { defineAppSetup } from '@slidev/types'
import { computed } from 'vue'
import { injectionLastNavigator, injectionModelStore } from '../composables/useSyncedInputs'
import { reportSlideErrors } from './slide-errors'
import { modelStore, sharedState } from './slidevState'
import './presenter.css'

export default defineAppSetup(({ app }) => {
  // One store of live-model inputs for the whole app, synced with every other view of the deck.
  app.provide(injectionModelStore, modelStore())
  app.provide(injectionLastNavigator, computed(() => sharedState.lastUpdate?.type))
  reportSlideErrors(app)
})
