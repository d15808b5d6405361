/**
 * A folder of files a build makes from inputs it can name by a hash — fonts cut to a page's characters,
 * compressed copies of the site's files — so the next build reuses them instead of making them again.
 * An entry is written under a temporary name and renamed (another build may read the folder meanwhile);
 * reading one touches it, and `pruneCache` drops the ones no build has used for a month.
 */
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'

/** A short hash of the parts, for a cache key. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex').slice(0, 24)
}

let written = 0

/** The file `name` in `dir`, made by `make` the first time. */
export async function cached(dir: string, name: string, make: () => Promise<Uint8Array>): Promise<Buffer> {
  const file = join(dir, name)
  if (existsSync(file)) {
    try {
      const bytes = readFileSync(file)
      utimesSync(file, new Date(), new Date())
      return bytes
    }
    catch {} // pruned by another build just now: make it again
  }
  const bytes = Buffer.from(await make())
  mkdirSync(dir, { recursive: true })
  const temporary = `${file}.tmp-${process.pid}-${written++}`
  writeFileSync(temporary, bytes)
  renameSync(temporary, file)
  return bytes
}

/** Removes the entries no build has used for `days` days (each edit of a slide leaves a few behind). */
export function pruneCache(dir: string, days = 30) {
  if (!existsSync(dir))
    return
  const before = Date.now() - days * 86_400_000
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    try {
      if (statSync(file).mtimeMs < before)
        rmSync(file, { force: true })
    }
    catch {} // gone already
  }
}
