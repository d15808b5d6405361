/** Runs the Slidev CLI of this project (on the Node running this script). */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { SITE_URL_ENV } from './talk.ts'

const require = createRequire(import.meta.url)
export const SLIDEV_BIN = join(dirname(require.resolve('@slidev/cli/package.json')), 'bin/slidev.mjs')

export interface SiteBuildOptions {
  entry?: string
  out: string
  base?: string
  /** Keep speaker notes in the bundle (the presenter copy). Off for the hosted site. */
  withNotes?: boolean
  quiet?: boolean
  /** The hosted site's URL, for the QR code and the links (tools/talk.ts); '' keeps the headmatter's. */
  siteUrl?: string
}

/** npm packages the deck's fonts come from: without them Chinese falls back to whatever the machine has. */
export const FONT_PACKAGES = ['@fontsource/noto-sans-sc', '@fontsource/noto-sans', '@fontsource/jetbrains-mono']

export function checkFontPackages(names = FONT_PACKAGES) {
  for (const name of names) {
    try {
      require.resolve(`${name}/package.json`)
    }
    catch {
      throw new Error(`Font package ${name} is missing — run npm ci (or npm install ${name})`)
    }
  }
}

export function slidevBuild(options: SiteBuildOptions): Promise<void> {
  checkFontPackages()
  const args = [
    SLIDEV_BIN,
    'build',
    options.entry ?? 'slides.md',
    '--out',
    options.out,
  ]
  if (options.base)
    args.push('--base', options.base)
  if (!options.withNotes)
    args.push('--without-notes')
  return run(args, options.quiet, options.siteUrl
    ? { [SITE_URL_ENV]: options.siteUrl }
    : {})
}

export function run(args: string[], quiet = false, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        ...env,
      },
      stdio: quiet
        ? ['ignore', 'ignore', 'pipe']
        : 'inherit',
    })
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', code => code === 0
      ? resolve()
      : reject(new Error(`slidev ${args[1]} failed (exit ${code})${stderr
          ? `:\n${stderr.trim().split('\n').slice(-15).join('\n')}`
          : ''}`)))
  })
}
