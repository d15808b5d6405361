import type { Plugin } from 'vite'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { SLIDEV_BUILD } from '../../shared/slidev-internals.ts'
import { deckTalk } from '../deck/talk.ts'
import { buildDeckFont, deckTexts } from '../fonts/font-subset.ts'
// The print route node/make/print/export.ts prints from; node/slidev/slidev.ts adds it to every build it runs, this to `slidev build`.
import { checkFontPackages, keepPrintRoute } from '../slidev/slidev.ts'

/**
 * `virtual:deck-fonts.css` (a deck that wants it imports it, as this talk's styles/index.ts does): in a build,
 * the 'Deck Sans' faces — Noto Sans SC subset to the deck's characters (node/fonts/font-subset.ts), emitted as
 * hashed assets. In dev it is empty and the deck uses the full fontsource Noto Sans SC, so every edit renders.
 * Built only when a deck imports it, so a deck without the font packages builds as usual.
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
    async resolveId(source) {
      if (source !== id)
        return
      if (!build)
        return `\0${id}`
      if (!cssFile) {
        checkFontPackages()
        cssFile = (await buildDeckFont({ root })).cssFile
      }
      return cssFile
    },
    load(resolved) {
      if (resolved === `\0${id}`)
        return '/* dev: Deck Sans is built only for production; the full Noto Sans SC is used */'
    },
  }
}

/**
 * Slidev installs on every page the runtime of features a deck may never use: Twoslash hover popups
 * (floating-vue), `v-mark` (rough-notation, roughjs) and `v-motion` (@vueuse/motion, popmotion).
 * In a build of a deck whose sources never mention the feature, the package is a stand-in with what Slidev's
 * client takes from it (SLIDEV_BUILD.features); write the feature in a slide or component and the real one comes
 * back with the next build.
 */
export const UNLESS_USED: { feature: RegExp, module: keyof typeof SLIDEV_BUILD.features, stub: string }[] = [
  {
    feature: /twoslash/i,
    module: '@shikijs/vitepress-twoslash/client',
    stub: 'export default { install() {} }',
  },
  {
    feature: /v-mark/,
    module: '@slidev/rough-notation',
    stub: 'export function annotate() { throw new Error("v-mark was left out of this build: no deck source mentioned it — rebuild") }',
  },
  {
    feature: /v-motion/,
    module: '@vueuse/motion',
    stub: 'export function MotionDirective() { return { mounted() { throw new Error("v-motion was left out of this build: no deck source mentioned it — rebuild") } } }',
  },
]

function featuresOnlyWhenUsed(): Plugin {
  const prefix = '\0deck:unused:'
  let unused: typeof UNLESS_USED = []
  return {
    name: 'deck:features-only-when-used',
    enforce: 'pre',
    configResolved(config) {
      const texts = config.command === 'build'
        ? deckTexts(config.root)
        : []
      unused = config.command === 'build'
        ? UNLESS_USED.filter(({ feature }) => !texts.some(text => feature.test(text)))
        : []
    },
    resolveId(source) {
      if (unused.some(u => u.module === source))
        return prefix + source
    },
    load(resolved) {
      if (resolved.startsWith(prefix))
        return unused.find(u => prefix + u.module === resolved)!.stub
    },
  }
}

/** Slidev's client takes one helper from `@slidev/parser/core`, which brings the YAML library (~25 KB); `utils` has it alone. */
function parserUtilsOnly(): Plugin {
  return {
    name: 'deck:parser-utils-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === SLIDEV_BUILD.parserCore && importer?.includes(SLIDEV_BUILD.clientPath))
        return this.resolve(SLIDEV_BUILD.parserUtils, importer)
    },
  }
}

/**
 * Slidev points `vue` at the full build, whose template compiler (~60 KB) no compiled deck calls:
 * single-file components and slides are compiled at build time. The build uses Vue's runtime build.
 */
function vueRuntimeOnly(): Plugin {
  return {
    name: 'deck:vue-runtime-only',
    enforce: 'post',
    config(config, { command }) {
      if (command !== 'build' || !Array.isArray(config.resolve?.alias))
        return
      for (const alias of config.resolve.alias) {
        if (alias.find === 'vue' && alias.replacement.endsWith(`/${SLIDEV_BUILD.vueFull}`))
          alias.replacement = alias.replacement.slice(0, -SLIDEV_BUILD.vueFull.length) + SLIDEV_BUILD.vueRuntime
      }
    },
  }
}

/**
 * floating-vue (~45 KB with Floating UI) is imported by the play view only for
 * `recomputeAllPoppers`; its Tooltip and Dropdown appear in the settings and drawing menus.
 * In a build the package is a small stand-in that loads the real one when a menu is first shown.
 */
function floatingVueOnDemand(): Plugin {
  const id = '\0deck:floating-vue'
  let build = false
  return {
    name: 'deck:floating-vue-on-demand',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build'
    },
    resolveId(source, importer) {
      if (build && source === 'floating-vue' && importer !== id)
        return id
    },
    load(resolved) {
      if (resolved !== id)
        return
      return `import { defineAsyncComponent } from 'vue'
let real
const load = () => import('floating-vue').then(m => (real = m))
export function recomputeAllPoppers() { real?.recomputeAllPoppers() }
export const Tooltip = defineAsyncComponent(() => load().then(m => m.Tooltip))
export const Dropdown = defineAsyncComponent(() => load().then(m => m.Dropdown))
export default { install(app, options) { load().then(m => app.use(m.default, options)) } }
`
    },
  }
}

/**
 * The play view mounts Slidev's overview, go-to dialog (with its fuzzy search), context menu, info
 * dialog and drag handles on every visit, though each shows only when asked for. In a build each
 * is a stand-in that renders nothing until its switch is first turned on, then loads the real
 * component and turns the switch on again once it is mounted, so the component opens as usual.
 */
function slidevControlsOnDemand(): Plugin {
  const client = dirname(createRequire(import.meta.url).resolve('@slidev/client/package.json'))
  const { onDemand } = SLIDEV_BUILD
  const prefix = '\0deck:on-demand:'
  let build = false
  return {
    name: 'deck:slidev-controls-on-demand',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build'
    },
    resolveId(source, importer) {
      const name = source.replace(/^\.\//, '')
      const entry = onDemand[name]
      if (build && entry && importer?.split('?')[0].endsWith(SLIDEV_BUILD.internalsPath + entry.importer))
        return prefix + name.replace(/\.vue$/, '.js') // a .vue id would be parsed as a component
    },
    load(id) {
      if (!id.startsWith(prefix))
        return
      const name = id.slice(prefix.length).replace(/\.js$/, '.vue')
      const { flag, from } = onDemand[name]
      const real = JSON.stringify(join(client, 'internals', name))
      return `import { defineComponent, h, nextTick, shallowRef, watch } from 'vue'
import { ${flag} as flag } from ${JSON.stringify(join(client, from))}
const Real = shallowRef(null)
const idle = flag.value
const stop = watch(flag, async (value) => {
  if (!value || Real.value)
    return
  stop()
  flag.value = idle
  Real.value = (await import(${real})).default
  await nextTick()
  flag.value = value
})
export default defineComponent({
  inheritAttrs: false,
  setup(_, { attrs }) {
    return () => Real.value ? h(Real.value, attrs) : null
  },
})
`
    },
  }
}

/**
 * Three seconds after the play view opens, Slidev loads and mounts every slide of the deck, hidden —
 * on a phone, seconds of main-thread work and every slide's code for a reader who may look at one.
 * In a build the play view keeps what it needs: the current slide and its neighbours (Slidev's own
 * preloading of those stays). Fails the build if Slidev changes the code this relies on.
 */
function preloadNeighboursOnly(): Plugin {
  const { file, code: all } = SLIDEV_BUILD.preloadAll
  let build = false
  return {
    name: 'deck:preload-neighbours-only',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build'
    },
    transform(code, id) {
      // The whole SFC (no query); its parts, compiled from it, follow.
      if (!build || !id.endsWith(SLIDEV_BUILD.internalsPath + file))
        return
      if (!code.includes(all))
        this.error(`${file} no longer contains "${all}": update SLIDEV_BUILD.preloadAll in slidev-addon-lectern/shared/slidev-internals.ts (and preloadNeighboursOnly() in node/vite/plugins.ts) for this Slidev version`)
      return code.replace(all, '/* deck: neighbours only */')
    },
  }
}

/**
 * The kit's build-time plugins, in the order Slidev runs them. Each trim pays for itself: measured on this talk
 * (Slidev 53, `slidev build`, a first visit of slide 1, uncompressed), leaving one out adds to the JS: parser
 * utils 29 KB, Vue runtime 90 KB, floating-vue 41 KB, controls on demand 44 KB, features when used 111 KB; and
 * without neighbours-only preloading the visit fetches 233 KB more (79 requests) in its first 6 s. The addon's setup/vite-plugins.ts hands them to
 * Slidev for every deck that lists the addon; the addon's vite.config.js gives the live models' shared state
 * (`server-reactive:deckModels`) its first value.
 */
export function lecternPlugins(): Plugin[] {
  return [
    keepPrintRoute(),
    deckFonts(),
    featuresOnlyWhenUsed(),
    parserUtilsOnly(),
    vueRuntimeOnly(),
    floatingVueOnDemand(),
    slidevControlsOnDemand(),
    preloadNeighboursOnly(),
    // `virtual:deck-talk`: speaker, event, site URL and its QR code for the cover and closing layouts.
    deckTalk(),
  ]
}
