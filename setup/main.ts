import { defineAppSetup } from '@slidev/types'
import { computed } from 'vue'
import { presenterPosition, rejoinTarget } from '../composables/rejoin'
import { injectionLastNavigator, injectionModelStore } from '../composables/useSyncedInputs'
import { reportSlideErrors } from './slide-errors'
import { modelStore, sharedState } from './slidevState'
import './presenter.css'

export default defineAppSetup(({ app, router }) => {
  // One store of live-model inputs for the whole app, synced with every other view of the deck.
  app.provide(injectionModelStore, modelStore())
  app.provide(injectionLastNavigator, computed(() => sharedState.lastUpdate?.type))
  reportSlideErrors(app)
  // A projector opened mid-talk at `/` joins the presenter (composables/rejoin.ts): the first navigation only.
  router.beforeEach((to, from) => {
    if (from.matched.length)
      return true
    const target = rejoinTarget({ name: to.name, no: to.params.no, query: to.query }, presenterPosition(sharedState, window.localStorage, Date.now()))
    return target
      ? {
          path: `/${target.page}`,
          query: {
            ...to.query,
            clicks: String(target.clicks),
          },
        }
      : true
  })
})
