import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inNodeModules } from '../node/core/kit.ts'
import { SLIDEV, SLIDEV_SOURCES } from './slidev-internals.ts'

const modules = dirname(dirname(dirname(inNodeModules('@slidev/client/package.json'))))
const read = (path: string): string => readFileSync(join(modules, path), 'utf8')

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

  it('the nav API the gate and tests drive: go, currentSlideNo, clicks, clicksStart, clicksTotal, total', () => {
    const nav = read('@slidev/client/composables/useNav.ts')
    for (const member of [
      'go',
      'currentSlideNo',
      'clicks',
      'clicksStart',
      'clicksTotal',
      'total',
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
