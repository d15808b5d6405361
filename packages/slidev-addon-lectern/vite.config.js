// Slidev merges the vite.config of every addon into the deck's. The live models' inputs, shared by presenter,
// projector and tablet (client/slidevState.js): Slidev's server-side state starts with the keys it knows;
// ours needs a first value. The plugins come through setup/vite-plugins.ts.
export default {
  slidev: {
    serverRef: {
      state: { deckModels: {} },
    },
  },
}
