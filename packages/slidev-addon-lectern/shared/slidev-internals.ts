/**
 * Every private Slidev detail the kit relies on, in one place: DOM ids and classes, injection keys, the print
 * route, private modules the addon imports, the files and lines the build's bundle trims patch. None of these
 * is public API: a Slidev upgrade may move any of them. `slidev-internals.test.ts` looks each one up in the
 * installed Slidev and fails naming the one that moved. What Slidev exports publicly (`@slidev/client`:
 * useNav, useDarkMode, sharedState, createSyncState, configs …) is used as such (client/slidevState.js).
 * Browser-safe (plain constants): setup/ and client/ import it too. Code inside `page.evaluate`
 * cannot see imports, so pass `SLIDEV` in as an argument.
 */
export const SLIDEV = {
  /** Element Slidev mounts its Vue app on. */
  appRoot: '#app',
  /** Property Vue sets on the mount element, in production builds too: the way into a built site's app (no `window.__slidev__` outside dev). */
  vueApp: '__vue_app__',
  /** Injection key of Slidev's context (`nav`: go, currentSlideNo, clicks, clicksStart, clicksTotal, total) — `injectionSlidevContext`. */
  contextKey: '$$slidev-context',
  /** Injection key of the slide number a component sits on — `injectionCurrentPage`; setup/main.ts names the slide that threw. */
  pageKey: '$$slidev-page',
  /** Injection key of the render context ('slide', 'overview', 'print' …) — `injectionRenderContext`; components show a final state off-slide. */
  renderContextKey: '$$slidev-render-context',
  /** Injection key of the clicks context of the slide a component sits on — `injectionClicksContext`; scripted demo steps follow it. */
  clicksContextKey: '$$slidev-clicks-context',
  /** The main slide canvas (980×552 here), in play and presenter views. */
  canvas: '#slide-content',
  /** Wrapper of the slides in play mode; the gate switches its slide transitions off. */
  slideshow: '#slideshow',
  /** Class of each slide's element; `.slidev-page-N` is slide N. */
  pageClass: 'slidev-page',
  /** Class v-click puts on what is hidden at the current click; classes starting with `slidev-vclick` are v-click's. */
  vclickHidden: 'slidev-vclick-hidden',
  vclickPrefix: 'slidev-vclick',
  /** Class on every layout's root element: global styles are scoped under it. */
  layoutClass: 'slidev-layout',
  /** The route that renders every slide for printing (`/print`), and its `?print=true` query. */
  printRoute: 'print?print=true',
  /** One printed slide on the print route; its id starts with the slide number. */
  printSlide: '.print-slide-container',
  /** Placeholder shown while a slide's chunk loads. */
  slideLoading: '.slidev-slide-loading',
  /** Off-screen container Mermaid renders into; empty when every diagram is done. */
  mermaidScratch: '#mermaid-rendering-container',
  /** localStorage key of Slidev's dark-mode switch ('light' | 'dark' | 'auto'). */
  colorSchemaStorage: 'slidev-color-schema',
  /** Slidev's drawing layer: an <svg> directly inside the canvas, empty unless drawn on. */
  drawingLayer: '#slide-content > svg',
  /** CSS variable with the slide's scale, set on the slide container; prerendered pages set it to their own scale. */
  slideScaleVar: '--slidev-slide-scale',
  /** Class of the speaker notes' element (presenter view, notes page): client/stageDirections.ts marks paragraphs in it. */
  noteClass: 'slidev-note',
} as const

/**
 * Names of Slidev's routes the addon tells apart (client/rejoin.ts, setup/root.ts), in @slidev/client/setup/routes.ts;
 * print and export are also their paths' first segment (`isPrintUrl`).
 */
export const SLIDEV_ROUTES = {
  play: 'play',
  presenter: 'presenter',
  notes: 'notes',
  print: 'print',
  export: 'export',
} as const

/** URL queries Slidev reads (composables/useNav.ts) that a joining projector must leave alone (client/rejoin.ts, setup/main.ts). */
export const SLIDEV_QUERIES = {
  clicks: 'clicks',
  print: 'print',
  embedded: 'embedded',
} as const

/**
 * Whether a page is Slidev's print or export page: its `print` query or its /print, /export route (after the site's
 * `base`). Read from the URL, as Slidev does: on the print route each printed slide has a nav of its own that says
 * it is not printing.
 */
export function isPrintUrl(url: { pathname: string, search: string }, base = '/'): boolean {
  const first = (url.pathname.startsWith(base)
    ? url.pathname.slice(base.length)
    : url.pathname.slice(1)).split('/')[0]
  return new URLSearchParams(url.search).has(SLIDEV_QUERIES.print) || first === SLIDEV_ROUTES.print || first === SLIDEV_ROUTES.export
}

/**
 * Classes of Slidev's that the addon's stylesheet (setup/presenter.css) selects, each with the @slidev/client file
 * that puts it on the page: the presenter view's layout 1 and its notes.
 */
export const SLIDEV_CSS: Record<string, string> = {
  'slidev-presenter': 'pages/presenter.vue',
  'grid-container': 'pages/presenter.vue',
  'layout1': 'pages/presenter.vue',
  'notes-vertical-resizer': 'pages/presenter.vue',
  'slidev-note': 'internals/NoteDisplay.vue',
  'slidev-note-with-clicks': 'internals/NoteDisplay.vue',
  'slidev-note-fade': 'internals/NoteDisplay.vue',
}

/** Selector of slide `no`'s element. */
export function slideSelector(no: number): string {
  return `.${SLIDEV.pageClass}-${no}`
}

/** Files inside node_modules the checker reads to learn what Slidev knows (frontmatter keys, built-in components). */
export const SLIDEV_SOURCES = {
  /** `FRONTMATTER_FIELDS`, `HEADMATTER_FIELDS` and the injection keys above. */
  constants: '@slidev/client/constants.ts',
  /** One file per built-in component (`Arrow.vue`, `Toc.vue` …). */
  builtinDir: '@slidev/client/builtin',
  /** `interface Frontmatter`, `Headmatter`, `HeadmatterConfig`, `TransitionOptions`. */
  types: '@slidev/types/dist/index.d.mts',
  /** The compile-time flag that puts the print route into a build (node/slidev/slidev.ts sets it). */
  printFeatureFlag: '__SLIDEV_FEATURE_PRINT__',
} as const

/**
 * Private modules of Slidev's client the addon imports (client/slidevState.js), with the names it takes: what the
 * public `@slidev/client` does not export. Any other `@slidev/client/…` import in the kit fails the contract test.
 */
export const SLIDEV_IMPORTS: Record<string, readonly string[]> = {
  /** Which views send and receive the slide position: a projector that rejoins stops sending for a moment (setup/main.ts). */
  '@slidev/client/state/storage.ts': ['syncDirections'],
}

/** What the build's bundle trims (node/vite/plugins.ts) patch or stand in for in Slidev's client. */
export const SLIDEV_BUILD = {
  /** Where Slidev's client sits in a module id, and its own components in it: the trims match importers by these paths. */
  clientPath: '/@slidev/client/',
  internalsPath: '/@slidev/client/internals/',
  /**
   * Components the play view mounts on every visit though each shows only when asked for: the file, the component
   * that imports it (`./File.vue`), the switch that shows it and the module of @slidev/client that switch lives in.
   */
  onDemand: {
    'QuickOverview.vue': { importer: 'Controls.vue', flag: 'showOverview', from: 'state/storage.ts' },
    'Goto.vue': { importer: 'Controls.vue', flag: 'showGotoDialog', from: 'state/storage.ts' },
    'InfoDialog.vue': { importer: 'Controls.vue', flag: 'showInfoDialog', from: 'state/storage.ts' },
    'ContextMenu.vue': { importer: 'Controls.vue', flag: 'currentContextMenu', from: 'logic/contextMenu.ts' },
    'DragControl.vue': { importer: 'SlidesShow.vue', flag: 'activeDragElement', from: 'state/storage.ts' },
  } as Record<string, { importer: string, flag: string, from: string }>,
  /** The line of SlidesShow.vue that loads and mounts every slide three seconds after the play view opens. */
  preloadAll: { file: 'SlidesShow.vue', code: 'routes.forEach(preloadRoute)' },
  /** What Slidev's client takes from floating-vue (the build's stand-in has these and loads the real one on demand). */
  floatingVue: ['recomputeAllPoppers', 'Tooltip', 'Dropdown'],
  /** Runtimes of features a deck may never use, and what Slidev's client takes from each (the stand-in has it). */
  features: {
    '@shikijs/vitepress-twoslash/client': ['default'],
    '@slidev/rough-notation': ['annotate'],
    '@vueuse/motion': ['MotionDirective'],
  } as Record<string, readonly string[]>,
  /** Slidev's client imports the parser's `core` (and with it the YAML library) for helpers its `utils` has alone. */
  parserCore: '@slidev/parser/core',
  parserUtils: '@slidev/parser/utils',
  /** The file @slidev/cli aliases `vue` to: the full build, with the template compiler; the runtime build sits beside it. */
  vueFull: 'vue/dist/vue.esm-bundler.js',
  vueRuntime: 'vue/dist/vue.runtime.esm-bundler.js',
} as const
