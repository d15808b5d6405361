// Slidev's client state, in one place. JavaScript with a declaration beside it (slidevState.d.ts):
// the typecheck reads the declaration and leaves Slidev's client sources, which need Slidev's
// build-time globals, out of `vue-tsc`. Checked in a browser by tests/presenting.test.ts.
//
// createSyncState is Slidev's own sync (the one that carries the slide position and drawings): state
// served by the dev server through vite-plugin-vue-server-ref, or, in a build, a BroadcastChannel
// between tabs of one browser.
import { isDark } from '@slidev/client/logic/dark.ts'
import { sharedState } from '@slidev/client/state/shared.ts'
import { syncDirections } from '@slidev/client/state/storage.ts'
import { createSyncState } from '@slidev/client/state/syncState.ts'
// Its first value is declared in vite.config.ts (slidev.serverRef.state). Whole-state mode, not
// `?diff`: the diff mode never updates a client's base after it sends, so toggling a value back
// (B, then B again) sends an empty diff and the other screens stay black.
import serverState from 'server-reactive:deckModels'

let store

export function modelStore() {
  if (!store) {
    const { init, state } = createSyncState(serverState, {})
    init(`deck-models ${import.meta.env.BASE_URL}`)
    store = state
  }
  return store
}

export { isDark, sharedState, syncDirections }
