// JavaScript with a declaration beside it (modelStore.d.ts): the typecheck reads the declaration and
// leaves Slidev's client sources, which need Slidev's build-time globals, out of `vue-tsc`.
// Slidev's own sync (the one that carries the slide position and drawings): state served by the dev
// server through vite-plugin-vue-server-ref, or, in a build, a BroadcastChannel between tabs.
import { createSyncState } from '@slidev/client/state/syncState.ts'
// Its first value is declared in vite.config.ts (slidev.serverRef.state).
import serverState from 'server-reactive:deckModels?diff'

/** @param {string} channel */
export function createModelStore(channel) {
  const { init, state } = createSyncState(serverState, {})
  init(channel)
  return state
}
