import type { Plugin } from 'vite'
import { defineConfig } from 'vite'

/**
 * Slidev compiles its print route into a build only when it also exports a PDF itself during
 * `slidev build` (`download: true`). We print our PDFs from the built site with tools/export.ts,
 * so we keep the route and skip Slidev's second export.
 */
function keepPrintRoute(): Plugin {
  return {
    name: 'deck:keep-print-route',
    enforce: 'post',
    config(config) {
      config.define = { ...config.define, __SLIDEV_FEATURE_PRINT__: 'true' }
    },
  }
}

export default defineConfig({
  plugins: [keepPrintRoute()],
})
