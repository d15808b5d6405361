import type { TestProject } from 'vitest/node'
import { join, resolve } from 'node:path'
import { buildSite } from '../../packages/slidev-addon-lectern/node/make/build.ts'
import { exportFromSite } from '../../packages/slidev-addon-lectern/node/make/print/export.ts'

/** Where the tests find what `npm run build` made; a sub-path, as on GitHub Pages. */
export const TEST_BASE = '/virt-deck/'

declare module 'vitest' {
  export interface ProvidedContext {
    site: { dir: string, base: string, exports: string }
  }
}

export default async function setup(project: TestProject) {
  const root = resolve('.cache/test')
  const dir = join(root, 'dist')
  const exports = join(root, 'exports')
  await buildSite({ out: dir, base: TEST_BASE, exportsDir: exports })
  await exportFromSite({
    siteDir: dir,
    base: TEST_BASE,
    outDir: exports,
    only: ['attendee'],
    layouts: [1, 6],
    log: () => {},
  })
  project.provide('site', { dir, base: TEST_BASE, exports })
}
