// Slidev's client state, in one place. JavaScript with a declaration beside it (slidevState.d.ts):
// the typecheck reads the declaration and leaves Slidev's client sources, which need Slidev's
// build-time globals, out of `vue-tsc`. Checked in a browser by tests/presenting.test.ts.
//
// Slidev's public client API (`@slidev/client`, the same module instances the app uses: Slidev aliases the
// package to its client folder), and one private import that has no public export, listed with its contract
// test in shared/slidev-internals.ts (SLIDEV_IMPORTS).
//
// createSyncState is Slidev's own sync (the one that carries the slide position and drawings): state
// served by the dev server through vite-plugin-vue-server-ref, or, in a build, a BroadcastChannel
// between tabs of one browser.
import { createSyncState, sharedState, useDarkMode, useNav } from '@slidev/client'
import { syncDirections } from '@slidev/client/state/storage.ts'
// Its first value is declared in the addon's vite.config.js (slidev.serverRef.state). Whole-state mode, not
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

const { isDark } = useDarkMode()

export { isDark, sharedState, syncDirections, useNav }
