import type { Plugin } from 'vite'
import process from 'node:process'
import { defineConfig } from 'vite'
import { buildDeckFont, deckTexts } from './tools/font-subset.ts'
// The print route tools/export.ts prints from; tools/slidev.ts adds it to every build it runs, this to `slidev build`.
import { keepPrintRoute } from './tools/slidev.ts'
import { deckTalk } from './tools/talk.ts'

/**
 * `virtual:deck-fonts.css` (imported by styles/index.ts): in a build, the 'Deck Sans' faces —
 * Noto Sans SC subset to the deck's characters (tools/font-subset.ts), emitted as hashed assets.
 * In dev it is empty and the deck uses the full fontsource Noto Sans SC, so every edit renders.
 */
function deckFonts(): Plugin {
  const id = 'virtual:deck-fonts.css'
  let build = false
  let root = process.cwd()
  let cssFile = ''
  return {
    name: 'deck:fonts',
    enforce: 'pre',
    config() {
      // Vite inlines files under 4 KB into the CSS as data: URLs; for fonts that means every visitor
      // downloads every small slice (and its unused .woff twin) with the first stylesheet.
      return {
        build: {
          assetsInlineLimit: (file: string) => /\.woff2?$/.test(file)
            ? false
            : undefined,
        },
      }
    },
    configResolved(config) {
      build = config.command === 'build'
      root = config.root
    },
    async buildStart() {
      if (build)
        cssFile = (await buildDeckFont({ root })).cssFile
    },
    resolveId(source) {
      if (source === id) {
        return build
          ? cssFile
          : `\0${id}`
      }
    },
    load(resolved) {
      if (resolved === `\0${id}`)
        return '/* dev: Deck Sans is built only for production; the full Noto Sans SC is used */'
    },
  }
}

/**
 * Slidev installs the Twoslash hover popups (floating-vue, ~200 KB) on every page, and Vite preloads
 * them for slide 1. A deck with no `twoslash` code block never shows one: in the build, it gets an
 * empty plugin instead. Write `twoslash` in a slide and the real one comes back.
 */
function twoslashOnlyWhenUsed(): Plugin {
  const id = '@shikijs/vitepress-twoslash/client'
  let skip = false
  return {
    name: 'deck:twoslash-only-when-used',
    enforce: 'pre',
    configResolved(config) {
      skip = config.command === 'build' && !deckTexts(config.root).some(text => /twoslash/i.test(text))
    },
    resolveId(source) {
      if (skip && source === id)
        return `\0${id}`
    },
    load(resolved) {
      if (resolved === `\0${id}`)
        return 'export default { install() {} }'
    },
  }
}

export default defineConfig({
  slidev: {
    // The live models' inputs, shared by presenter, projector and tablet (setup/modelStore.ts):
    // Slidev's server-side state starts with the keys it knows; ours needs a first value.
    serverRef: {
      state: { deckModels: {} },
    },
  },
  plugins: [
    keepPrintRoute(),
    deckFonts(),
    twoslashOnlyWhenUsed(),
    // `virtual:deck-talk`: speaker, event, site URL and its QR code for the cover and closing layouts.
    deckTalk(),
  ],
})
