/**
 * Where the kit itself is installed: its package folder, found from this file upwards, so the same code
 * works from the sources (node/…) and from the compiled package (dist/node/…).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

export const KIT_NAME = 'slidev-addon-lectern'

function findKitRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === KIT_NAME)
      return dir
    const up = dirname(dir)
    if (up === dir)
      throw new Error(`${KIT_NAME}: cannot find its own package.json above ${fileURLToPath(import.meta.url)} — reinstall the kit`)
    dir = up
  }
}

/** The kit's package folder (package.json, setup/, components/, client/ …). */
export const KIT_ROOT = findKitRoot()

/**
 * `path` inside the first node_modules that has it, looking up from each folder in turn — the deck's own
 * first, then the kit's (its dependencies may sit in its own node_modules). The last candidate when none has it.
 */
export function inNodeModules(path: string, from: string[] = [
  process.cwd(),
  KIT_ROOT,
]): string {
  let first = ''
  for (const start of from) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', path)
      first ||= candidate
      if (existsSync(candidate))
        return candidate
      if (dirname(dir) === dir)
        break
    }
  }
  return first
}
