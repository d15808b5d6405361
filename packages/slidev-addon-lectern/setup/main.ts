import { defineAppSetup } from '@slidev/types'
import { computed } from 'vue'
import { reportSlideErrors } from '../client/slide-errors'
import { modelStore, sharedState } from '../client/slidevState'
import { injectionLastNavigator, injectionModelStore } from '../client/useSyncedInputs'
import './presenter.css'

export default defineAppSetup(({ app }) => {
  // One store of live-model inputs for the whole app, synced with every other view of the deck.
  app.provide(injectionModelStore, modelStore())
  app.provide(injectionLastNavigator, computed(() => sharedState.lastUpdate?.type))
  reportSlideErrors(app)
})
