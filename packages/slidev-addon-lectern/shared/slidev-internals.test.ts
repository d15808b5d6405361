import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inNodeModules, KIT_ROOT } from '../node/core/kit.ts'
import { lecternPlugins, UNLESS_USED } from '../node/vite/plugins.ts'
import { isPrintUrl, SLIDEV, SLIDEV_BUILD, SLIDEV_CSS, SLIDEV_IMPORTS, SLIDEV_QUERIES, SLIDEV_ROUTES, SLIDEV_SOURCES } from './slidev-internals.ts'

const modules = dirname(dirname(dirname(inNodeModules('@slidev/client/package.json'))))
const read = (path: string): string => readFileSync(join(modules, path), 'utf8')

/** Every .ts, .js and .vue file under `dir` (no node_modules, no tests). */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => /\.(?:ts|js|vue)$/.test(f) && !/\.test\.ts$/.test(f) && !f.split('/').includes('node_modules') && !f.startsWith('dist/'))
    .map(f => join(dir, f))
}

const client = dirname(inNodeModules('@slidev/client/package.json'))
const clientFiles = sources(client).map(file => ({
  file: relative(client, file),
  text: readFileSync(file, 'utf8'),
}))

/** The names Slidev's client sources import from `module` ('default' for a default import), type imports left out. */
function importedFrom(module: string): Set<string> {
  const names = new Set<string>()
  const from = new RegExp(`import\\s+(?!type\\s)([^'";]+?)\\s+from\\s+'${module.replace(/[/.]/g, '\\$&')}'`, 'g')
  for (const { text } of clientFiles) {
    for (const [, clause] of text.matchAll(from)) {
      const [outside, inside = ''] = clause.split('{')
      if (outside.replace(',', '').trim())
        names.add('default')
      for (const name of inside.replace('}', '').split(',').map(n => n.trim().split(/\s+as\s+/)[0]).filter(n => n && !n.startsWith('type ')))
        names.add(name)
    }
  }
  return names
}

/** Whether `file` (in @slidev/client) exports `name` as a const or function. */
function exportsName(file: string, name: string): boolean {
  return new RegExp(`export (?:const|function|let) ${name}\\b|export \\{[^}]*\\b${name}\\b`).test(read(`@slidev/client/${file}`))
}

/** The build's stand-in for floating-vue (node/vite/plugins.ts), as the plugin loads it for Slidev's play view. */
function floatingVueStandIn(): string {
  const plugin = lecternPlugins().find(p => p.name === 'deck:floating-vue-on-demand') as unknown as {
    configResolved: (config: object) => void
    resolveId: (source: string, importer: string) => string | undefined
    load: (id: string) => string | undefined
  }
  plugin.configResolved({ command: 'build' })
  return plugin.load(plugin.resolveId('floating-vue', `${client}/internals/SlidesShow.vue`) ?? '') ?? ''
}

/**
 * Where each internal is defined in the installed packages, and the text that must be there. When a Slidev
 * upgrade moves one, the test names it: update shared/slidev-internals.ts (and check what uses it).
 */
const WHERE: Record<keyof typeof SLIDEV, { file: string, text: string }> = {
  appRoot: { file: '@slidev/client/index.html', text: '<div id="app"></div>' },
  vueApp: { file: '@vue/runtime-core/dist/runtime-core.esm-bundler.js', text: 'rootContainer.__vue_app__ = app' },
  contextKey: { file: '@slidev/client/constants.ts', text: `injectionSlidevContext = '${SLIDEV.contextKey}'` },
  pageKey: { file: '@slidev/client/constants.ts', text: `injectionCurrentPage = '${SLIDEV.pageKey}'` },
  renderContextKey: { file: '@slidev/client/constants.ts', text: `injectionRenderContext = '${SLIDEV.renderContextKey}'` },
  clicksContextKey: { file: '@slidev/client/constants.ts', text: `injectionClicksContext = '${SLIDEV.clicksContextKey}'` },
  canvas: { file: '@slidev/client/internals/SlideContainer.vue', text: `'${SLIDEV.canvas.slice(1)}'` },
  slideshow: { file: '@slidev/client/internals/SlidesShow.vue', text: `id="${SLIDEV.slideshow.slice(1)}"` },
  pageClass: { file: '@slidev/client/utils.ts', text: `\`${SLIDEV.pageClass}-\${no}\`` },
  vclickHidden: { file: '@slidev/client/constants.ts', text: `CLASS_VCLICK_HIDDEN = '${SLIDEV.vclickHidden}'` },
  vclickPrefix: { file: '@slidev/client/constants.ts', text: `'${SLIDEV.vclickPrefix}-` },
  layoutClass: { file: '@slidev/client/layouts/default.vue', text: `class="${SLIDEV.layoutClass}` },
  printRoute: { file: '@slidev/client/setup/routes.ts', text: `path: '/${SLIDEV.printRoute.split('?')[0]}'` },
  printSlide: { file: '@slidev/client/internals/PrintSlideClick.vue', text: `class="${SLIDEV.printSlide.slice(1)}"` },
  slideLoading: {
    file: '@slidev/client/internals/SlideLoading.vue',
    text: SLIDEV.slideLoading.slice(1),
  },
  mermaidScratch: { file: '@slidev/client/index.html', text: `id="${SLIDEV.mermaidScratch.slice(1)}"` },
  colorSchemaStorage: { file: '@slidev/client/logic/dark.ts', text: `'${SLIDEV.colorSchemaStorage}'` },
  drawingLayer: { file: '@slidev/client/internals/DrawingLayer.vue', text: 'drauu.mount(svg.value!' },
  noteClass: { file: '@slidev/client/internals/NoteDisplay.vue', text: `outline-none ${SLIDEV.noteClass}"` },
  slideScaleVar: { file: '@slidev/client/internals/SlideContainer.vue', text: `'${SLIDEV.slideScaleVar}': scale.value` },
}

describe('slidev internals the tools rely on are where shared/slidev-internals.ts says', () => {
  it.each(Object.keys(WHERE) as (keyof typeof SLIDEV)[])('sLIDEV.%s', (name) => {
    const { file, text } = WHERE[name]
    expect(existsSync(join(modules, file)), `SLIDEV.${name}: ${file} is gone — Slidev moved it; update shared/slidev-internals.ts`).toBe(true)
    expect(read(file).includes(text), `SLIDEV.${name} (${SLIDEV[name]}): "${text}" no longer in ${file} — Slidev moved it; update shared/slidev-internals.ts`).toBe(true)
  })

  it('the print route\'s `?print=true` query is what the print page reads', () => {
    expect(read('@slidev/client/composables/useNav.ts'), 'SLIDEV.printRoute: the `print` query is no longer read in @slidev/client/composables/useNav.ts').toMatch(/query\.value\.has\('print'\)/)
  })

  it('the nav API the gate and tests drive and the addon reads: go, currentSlideNo, clicks, clicksStart, clicksTotal, total, isPresenter, next, prev, slides, queryClicks', () => {
    const nav = read('@slidev/client/composables/useNav.ts')
    // and what the kit's own code reads of a slide's nav (client/useRenderContext.ts) and the prerendered pages set (queryClicks)
    for (const member of [
      'go',
      'currentSlideNo',
      'clicks',
      'clicksStart',
      'clicksTotal',
      'total',
      'isPresenter',
      'next',
      'prev',
      'slides',
      'queryClicks',
    ])
      expect(new RegExp(`^\\s+${member}[,:]`, 'm').test(nav), `Slidev nav.${member} is no longer in @slidev/client/composables/useNav.ts`).toBe(true)
  })

  it('the checker\'s sources: frontmatter field lists, built-in components, type interfaces', () => {
    const constants = read(SLIDEV_SOURCES.constants)
    expect(constants, `SLIDEV_SOURCES.constants: FRONTMATTER_FIELDS gone from ${SLIDEV_SOURCES.constants}`).toMatch(/export const FRONTMATTER_FIELDS = \[/)
    expect(constants, `SLIDEV_SOURCES.constants: HEADMATTER_FIELDS gone from ${SLIDEV_SOURCES.constants}`).toMatch(/export const HEADMATTER_FIELDS = \[/)
    expect(readdirSync(join(modules, SLIDEV_SOURCES.builtinDir)), `SLIDEV_SOURCES.builtinDir: ${SLIDEV_SOURCES.builtinDir} has no Toc.vue`).toContain('Toc.vue')
    const types = read(SLIDEV_SOURCES.types)
    for (const name of [
      'Frontmatter',
      'Headmatter',
      'HeadmatterConfig',
      'TransitionOptions',
    ])
      expect(types, `SLIDEV_SOURCES.types: interface ${name} gone from ${SLIDEV_SOURCES.types}`).toMatch(new RegExp(`export interface ${name}\\b`))
  })

  it('the print-route flag the addon sets for `slidev build`', async () => {
    const cli = readdirSync(join(modules, '@slidev/cli/dist')).map(f => read(`@slidev/cli/dist/${f}`)).join('\n')
    expect(cli.includes(`${SLIDEV_SOURCES.printFeatureFlag}:`), `SLIDEV_SOURCES.printFeatureFlag (${SLIDEV_SOURCES.printFeatureFlag}) is no longer defined by @slidev/cli`).toBe(true)
  })
})

describe('slidev\'s routes and URL queries the addon tells apart', () => {
  it.each(Object.values(SLIDEV_ROUTES))('sLIDEV_ROUTES %s', (name) => {
    expect(read('@slidev/client/setup/routes.ts').includes(`name: '${name}'`), `SLIDEV_ROUTES: no route named '${name}' in @slidev/client/setup/routes.ts — Slidev renamed it; update shared/slidev-internals.ts`).toBe(true)
  })

  it('the print and export routes\' paths are their names', () => {
    const routes = read('@slidev/client/setup/routes.ts')
    for (const name of [SLIDEV_ROUTES.print, SLIDEV_ROUTES.export])
      expect(routes, `SLIDEV_ROUTES.${name}: its path no longer starts /${name} in @slidev/client/setup/routes.ts`).toMatch(new RegExp(`path: '/${name}[/']`))
  })

  it('isPrintUrl: the print query, the print and export routes under the base; not a slide, the presenter or a look-alike', () => {
    const at = (path: string) => {
      const url = new URL(path, 'http://localhost')
      return isPrintUrl(url, '/talk/')
    }
    expect([
      at('/talk/print?print=true'),
      at('/talk/export/3'),
      at('/talk/3?print'),
      at('/talk/print'),
    ]).toEqual([true, true, true, true])
    expect([
      at('/talk/3'),
      at('/talk/presenter/3'),
      at('/talk/printer'),
      at('/talk/notes/print-me'),
    ]).toEqual([false, false, false, false])
    expect(isPrintUrl({ pathname: '/export', search: '' })).toBe(true)
  })

  it.each(Object.values(SLIDEV_QUERIES))('sLIDEV_QUERIES %s', (name) => {
    expect(read('@slidev/client/composables/useNav.ts'), `SLIDEV_QUERIES: Slidev's nav no longer reads the '${name}' query (@slidev/client/composables/useNav.ts); update shared/slidev-internals.ts`).toMatch(new RegExp(`query\\.value\\.(?:has|get)\\('${name}'\\)|useRouteQuery<string>\\('${name}'`))
  })
})

describe('slidev\'s classes the addon\'s stylesheet selects', () => {
  it.each(Object.entries(SLIDEV_CSS))('sLIDEV_CSS %s', (name, file) => {
    expect(read(`@slidev/client/${file}`).includes(name), `SLIDEV_CSS['${name}']: no longer in @slidev/client/${file} — Slidev moved it; update setup/presenter.css and shared/slidev-internals.ts`).toBe(true)
  })

  it('every class of Slidev\'s in setup/presenter.css is listed in SLIDEV_CSS', () => {
    const css = readFileSync(join(KIT_ROOT, 'setup/presenter.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    const classes = new Set([
      ...css.matchAll(/\.([a-z][\w-]*)/gi),
    ].map(m => m[1]).filter(c => !c.startsWith('deck-')))
    expect([...classes].filter(c => !(c in SLIDEV_CSS))).toEqual([])
  })
})

describe('the private modules the addon imports, and nothing else under @slidev/client/', () => {
  it.each(Object.entries(SLIDEV_IMPORTS))('sLIDEV_IMPORTS %s', (module, names) => {
    const file = module.replace('@slidev/client/', '')
    expect(existsSync(join(client, file)), `SLIDEV_IMPORTS: ${module} is gone — Slidev moved it; update shared/slidev-internals.ts and client/slidevState.js`).toBe(true)
    const index = read('@slidev/client/index.ts')
    for (const name of names) {
      expect(exportsName(file, name), `SLIDEV_IMPORTS: ${module} no longer exports ${name} — Slidev moved it; update shared/slidev-internals.ts and client/slidevState.js`).toBe(true)
      expect(new RegExp(`\\b${name}\\b`).test(index), `${name} is now exported by @slidev/client: import it from there and drop it from SLIDEV_IMPORTS`).toBe(false)
    }
  })

  it('every `@slidev/client/…` import of the kit is listed in SLIDEV_IMPORTS; the public ones are in @slidev/client\'s index', () => {
    const kitFiles = sources(KIT_ROOT).map(file => ({
      file: relative(KIT_ROOT, file),
      text: readFileSync(file, 'utf8'),
    }))
    const unlisted = kitFiles.flatMap(({ file, text }) => [
      ...text.matchAll(/(?:from\s+|import\()'(@slidev\/client\/[^']+)'/g),
    ]
      .map(m => m[1])
      .filter(module => !(module in SLIDEV_IMPORTS))
      .map(module => `${file}: ${module}`))
    expect(unlisted, 'a private Slidev import outside shared/slidev-internals.ts: use the public `@slidev/client` export, or list it in SLIDEV_IMPORTS').toEqual([])
    const index = read('@slidev/client/index.ts')
    const publicNames = kitFiles.flatMap(({ text }) => [
      ...text.matchAll(/import\s+\{([^}]+)\}\s+from\s+'@slidev\/client'/g),
    ]
      .flatMap(m => m[1].split(',').map(n => n.trim()).filter(Boolean)))
    expect(publicNames.length).toBeGreaterThan(0)
    for (const name of publicNames)
      expect(new RegExp(`\\b${name}\\b`).test(index), `${name} is no longer exported by @slidev/client (index.ts)`).toBe(true)
  })
})

describe('what the build\'s bundle trims patch in Slidev\'s client (node/vite/plugins.ts)', () => {
  it('the internals path: Slidev\'s components sit under @slidev/client/internals/', () => {
    expect(SLIDEV_BUILD.internalsPath.startsWith(SLIDEV_BUILD.clientPath)).toBe(true)
    expect(existsSync(join(client, 'internals', 'Controls.vue')), 'SLIDEV_BUILD.internalsPath: @slidev/client/internals/Controls.vue is gone').toBe(true)
  })

  it.each(Object.entries(SLIDEV_BUILD.onDemand))('sLIDEV_BUILD.onDemand %s', (name, { importer, flag, from }) => {
    const where = `SLIDEV_BUILD.onDemand['${name}']`
    expect(existsSync(join(client, 'internals', name)), `${where}: @slidev/client/internals/${name} is gone`).toBe(true)
    expect(read(`@slidev/client/internals/${importer}`), `${where}: internals/${importer} no longer imports ./${name} (the stand-in would never be used)`).toMatch(new RegExp(`from '\\./${name.replace('.', '\\.')}'`))
    expect(exportsName(from, flag), `${where}: ${from} no longer exports the switch ${flag}`).toBe(true)
  })

  it('sLIDEV_BUILD.preloadAll: the line that mounts every slide is in SlidesShow.vue', () => {
    const { file, code } = SLIDEV_BUILD.preloadAll
    expect(read(`@slidev/client/internals/${file}`).includes(code), `SLIDEV_BUILD.preloadAll: "${code}" no longer in internals/${file}`).toBe(true)
  })

  it('sLIDEV_BUILD.floatingVue: Slidev\'s client takes only what the stand-in has', () => {
    expect([
      ...importedFrom('floating-vue'),
    ].sort(), 'SLIDEV_BUILD.floatingVue: Slidev\'s client imports other names from floating-vue now').toEqual([...SLIDEV_BUILD.floatingVue].sort())
    const stub = floatingVueStandIn()
    for (const name of SLIDEV_BUILD.floatingVue)
      expect(stub).toMatch(new RegExp(`export (?:function|const) ${name}\\b`))
  })

  it.each(Object.entries(SLIDEV_BUILD.features))('sLIDEV_BUILD.features %s: Slidev\'s client takes only what the stand-in has', (module, names) => {
    expect([
      ...importedFrom(module),
    ].sort(), `SLIDEV_BUILD.features['${module}']: Slidev's client imports other names from it now`).toEqual([...names].sort())
    const stub = UNLESS_USED.find(u => u.module === module)!.stub
    for (const name of names) {
      expect(stub).toMatch(name === 'default'
        ? /export default /
        : new RegExp(`export function ${name}\\b`))
    }
  })

  it('sLIDEV_BUILD.parserCore: what Slidev\'s client takes from the parser\'s core is in its utils', () => {
    const taken = importedFrom(SLIDEV_BUILD.parserCore)
    const utils = read('@slidev/parser/dist/utils.d.mts')
    for (const name of taken)
      expect(new RegExp(`export \\{[^}]*\\b${name}\\b`).test(utils), `SLIDEV_BUILD.parserCore: Slidev's client takes ${name} from ${SLIDEV_BUILD.parserCore}, which ${SLIDEV_BUILD.parserUtils} lacks`).toBe(true)
  })

  it('sLIDEV_BUILD.vueFull: @slidev/cli aliases vue to the full build; the runtime build is beside it', () => {
    const cli = readdirSync(join(modules, '@slidev/cli/dist')).map(f => read(`@slidev/cli/dist/${f}`)).join('\n')
    expect(cli.includes(`"${SLIDEV_BUILD.vueFull}"`), `SLIDEV_BUILD.vueFull: @slidev/cli no longer aliases vue to ${SLIDEV_BUILD.vueFull}`).toBe(true)
    expect(existsSync(join(modules, SLIDEV_BUILD.vueRuntime)), `SLIDEV_BUILD.vueRuntime: ${SLIDEV_BUILD.vueRuntime} is gone`).toBe(true)
  })
})
