import { defineAppSetup } from '@slidev/types'
import { computed } from 'vue'
import { presenterPosition, REJOIN_MUTED_KEY, REJOIN_QUIET_MS, rejoinTarget } from '../client/rejoin'
import { reportSlideErrors } from '../client/slide-errors'
import { modelStore, sharedState, syncDirections } from '../client/slidevState'
import { injectionLastNavigator, injectionModelStore } from '../client/useSyncedInputs'
import { SLIDEV_QUERIES } from '../shared/slidev-internals'
import './tokens.css'
import './presenter.css'

export default defineAppSetup(({ app, router }) => {
  // One store of live-model inputs for the whole app, synced with every other view of the deck.
  app.provide(injectionModelStore, modelStore())
  app.provide(injectionLastNavigator, computed(() => sharedState.lastUpdate?.type))
  reportSlideErrors(app)
  // A projector opened mid-talk at `/` joins the presenter (client/rejoin.ts): the first navigation only.
  // While the joined slide mounts, Slidev would send its click as 0 (a slide's clicks are counted once its
  // parts have mounted) and pull the presenter back to it: this view sends nothing for its first seconds.
  restoreViewerSend()
  router.beforeEach((to, from) => {
    if (from.matched.length)
      return true
    const target = rejoinTarget({ name: to.name, no: to.params.no, query: to.query }, presenterPosition(sharedState, window.localStorage, Date.now()))
    if (!target)
      return true
    syncDirections.value = { ...syncDirections.value, viewerSend: false }
    window.localStorage.setItem(REJOIN_MUTED_KEY, '1')
    window.addEventListener('pagehide', restoreViewerSend)
    setTimeout(restoreViewerSend, REJOIN_QUIET_MS)
    return {
      path: `/${target.page}`,
      query: {
        ...to.query,
        [SLIDEV_QUERIES.clicks]: String(target.clicks),
      },
    }
  })
})

/** Lets audience views send their position again (also after a tab closed while joining). */
function restoreViewerSend() {
  if (window.localStorage.getItem(REJOIN_MUTED_KEY)) {
    window.localStorage.removeItem(REJOIN_MUTED_KEY)
    syncDirections.value = { ...syncDirections.value, viewerSend: true }
  }
}
