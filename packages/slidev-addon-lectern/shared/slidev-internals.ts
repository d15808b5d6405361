/**
 * Every private Slidev detail the tools, tests and setup rely on, in one place. None of these is public
 * API: a Slidev upgrade may move any of them. `slidev-internals.test.ts` looks each one up in the installed
 * @slidev/client sources and fails naming the one that moved.
 * Browser-safe (plain constants): setup/ and composables/ import it too. Code inside `page.evaluate`
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
} as const

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
