/**
 * The kit's import graph, read from its sources (relative imports of .ts/.js/.vue files, tests left out):
 * no cycle; the code that runs in the page never reaches node/ (which pulls in Node-only libraries:
 * markdown-it alone added ~100 KB to the app's first script); nothing is imported from the talk; and
 * nothing in the repository imports Slidev's hashed build chunk.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const KIT = resolve('packages/slidev-addon-lectern')
const SOURCE = /\.(?:ts|js|vue)$/
const IGNORED_DIRS = new Set([
  'node_modules',
  'dist',
  'exports',
  'fixtures',
  '.git',
])

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      return IGNORED_DIRS.has(entry.name) || entry.name.startsWith('dist')
        ? []
        : sourcesUnder(path)
    }
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : []
  })
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [
    ...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm),
  ]
    .map(m => m[1] ?? m[2] ?? m[3])
}

/** Where a relative specifier lands: the file itself, or the file with one of the source extensions. */
function resolveRelative(from: string, specifier: string, files: Set<string>): string | undefined {
  const base = resolve(dirname(from), specifier.split('?')[0])
  return [
    base,
    `${base}.ts`,
    `${base}.js`,
    `${base}.vue`,
    join(base, 'index.ts'),
  ].find(f => files.has(f))
}

const kitFiles = sourcesUnder(KIT).filter(f => !/\.test\.ts$/.test(f))
const kitSet = new Set(kitFiles)
const graph = new Map(kitFiles.map(file => [
  file,
  specifiers(file).filter(s => s.startsWith('.')).map(s => ({
    specifier: s,
    target: resolveRelative(file, s, kitSet),
  })),
]))
const name = (file: string) => relative(KIT, file)

/** Code that Slidev bundles into the page: client/, components/, the addon's setup/ (not its Vite plugins) and global layers. */
function runsInPage(file: string): boolean {
  const path = name(file)
  return /^(?:client|components)\//.test(path)
    || (path.startsWith('setup/') && path !== 'setup/vite-plugins.ts')
    || /^[^/]+\.vue$/.test(path)
}

describe('the kit\'s import graph', () => {
  it('reads a real graph (guards the parser: every relative import resolves to a kit file)', () => {
    expect(kitFiles.length).toBeGreaterThan(40)
    const unresolved = [...graph].flatMap(([file, edges]) => edges
      .filter(e => !e.target && !e.specifier.endsWith('.css'))
      .map(e => `${name(file)} → ${e.specifier}`))
    expect(unresolved).toEqual([])
  })

  it('has no import cycle', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const walk = (file: string, path: string[]) => {
      state.set(file, 'open')
      for (const { target } of graph.get(file) ?? []) {
        if (!target)
          continue
        if (state.get(target) === 'open') {
          cycles.push([
            ...path.slice(path.indexOf(target)),
            target,
          ].map(name).join(' → '))
        }
        else if (!state.has(target)) {
          walk(target, [...path, target])
        }
      }
      state.set(file, 'done')
    }
    for (const file of kitFiles) {
      if (!state.has(file))
        walk(file, [file])
    }
    expect(cycles).toEqual([])
  })

  it('keeps the page\'s code out of node/ (directly or through shared/)', () => {
    const reached = new Map<string, string>()
    const visit = (file: string, from: string) => {
      for (const { target } of graph.get(file) ?? []) {
        if (target && !reached.has(target)) {
          reached.set(target, from)
          visit(target, from)
        }
      }
    }
    for (const file of kitFiles.filter(runsInPage))
      visit(file, name(file))
    const intoNode = [...reached].filter(([file]) => name(file).startsWith('node/')).map(([file, from]) => `${from} reaches ${name(file)}`)
    expect(intoNode).toEqual([])
  })

  it('imports nothing from the talk, and nothing imports Slidev\'s hashed build chunk', () => {
    const outside = [...graph].flatMap(([file, edges]) => edges
      .filter(e => !resolve(dirname(file), e.specifier).startsWith(KIT))
      .map(e => `${name(file)} → ${e.specifier}`))
    expect(outside).toEqual([])
    const repoFiles = [
      ...sourcesUnder(resolve('.')),
      ...kitFiles,
    ]
    const chunk = repoFiles.filter(file => specifiers(file).some(s => /@slidev\/cli\/dist\//.test(s)))
    expect(chunk.map(f => relative(resolve('.'), f))).toEqual([])
  })
})
