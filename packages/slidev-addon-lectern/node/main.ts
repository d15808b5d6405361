/**
 * `lectern <command> [options]`: the kit's one command line. Each command's module is imported only when it
 * runs (`check` never loads Playwright). Run it in the deck's folder: every command reads the deck there,
 * uses the deck's own node_modules (its @slidev/cli) and writes beside its slides.md.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { didYouMean } from './core/cli.ts'
import { KIT_NAME, KIT_ROOT } from './core/kit.ts'
import { slidevVersionProblem } from './slidev/slidev.ts'

interface Command {
  summary: string
  /** Reads a deck with Slidev (its version is checked first). */
  slidev: boolean
  load: () => Promise<{ cli: (argv: string[]) => Promise<number> }>
}

export const COMMANDS: Record<string, Command> = {
  build: {
    summary: 'the site (a page per slide, reading view) in dist/, the slides PDF and handouts in exports/',
    slidev: true,
    load: () => import('./make/build.ts'),
  },
  export: {
    summary: 'the slides PDF and the handouts in exports/, from a fresh build',
    slidev: true,
    load: () => import('./make/print/export.ts'),
  },
  check: {
    summary: 'what would break, overflow or go uncited, one line a problem; the notes\' reading minutes',
    slidev: true,
    load: () => import('./verify/check/check.ts'),
  },
  gate: {
    summary: 'every slide × click × theme of a built site in Chromium',
    slidev: true,
    load: () => import('./verify/gate/gate.ts'),
  },
  bench: {
    summary: 'time and memory to make the deck, against stock Slidev (needs lighthouse for its visit part)',
    slidev: true,
    load: () => import('./bench/bench.ts'),
  },
  serve: {
    summary: 'serve a built site on 127.0.0.1 as a static host would',
    slidev: false,
    load: () => import('./core/serve.ts'),
  },
  browser: {
    summary: 'the Chromium the kit uses, or how to install one',
    slidev: false,
    load: () => import('./core/browser.ts'),
  },
  fonts: {
    summary: 'cut Noto Sans SC to the deck\'s characters (Deck Sans)',
    slidev: false,
    load: () => import('./fonts/font-subset.ts'),
  },
  density: {
    summary: 'characters and balance per page of the slides PDF, against the density targets',
    slidev: true,
    load: () => import('./verify/gate/density.ts'),
  },
  overview: {
    summary: 'every slide of the slides PDF as thumbnails in one PNG',
    slidev: false,
    load: () => import('./make/print/contact-sheet.ts'),
  },
}

function kitVersion(): string {
  return (JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { version: string }).version
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map(n => n.length))
  return [
    'Usage: lectern <command> [options]   (lectern <command> --help for its options)',
    '',
    `${KIT_NAME} ${kitVersion()}: run it in the deck's folder; it writes beside the deck's slides.md.`,
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n')
}

/**
 * npm runs a package script in the folder of the package.json it found; `npm --prefix <elsewhere> run check`
 * from a deck's folder would check the other deck and might report it clean. Refuse when the folder the
 * command was typed in (INIT_CWD) holds a deck of its own that is not the one being read.
 */
export function wrongFolder(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | undefined {
  const typedIn = env.INIT_CWD && resolve(env.INIT_CWD)
  if (!typedIn || typedIn === resolve(cwd) || !existsSync(join(typedIn, 'slides.md')))
    return undefined
  return `you are in ${typedIn}, which has its own slides.md, but this command would read the deck in ${cwd} — run \`npx lectern …\` in the deck's folder (not \`npm --prefix …\`)`
}

/** Runs the command line; returns the exit code (0 done, 1 problems or failure, 2 bad command line). */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help())
    return name ? 0 : 2
  }
  if (name === '--version' || name === '-v') {
    console.log(kitVersion())
    return 0
  }
  const command = COMMANDS[name]
  if (!command) {
    const guess = didYouMean(name, Object.keys(COMMANDS))
    console.error(`lectern: unknown command '${name}'${guess
      ? ` — did you mean ${guess}?`
      : ''}`)
    console.error('Usage: lectern <command> [options]  (lectern --help for the commands)')
    return 2
  }
  const asksHelp = rest.includes('--help') || rest.includes('-h')
  if (!asksHelp) {
    const problem = wrongFolder() ?? (command.slidev
      ? slidevVersionProblem(process.cwd())
      : undefined)
    if (problem) {
      console.error(`lectern ${name}: ${problem}`)
      return 1
    }
  }
  const { cli } = await command.load()
  return cli(rest)
}
