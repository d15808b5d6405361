/**
 * The thin command line every command shares, over `node:util` parseArgs; node/main.ts dispatches
 * `lectern <command>` to the command module's `cli(argv)`:
 *   export function cli(argv: string[]) { return runCli({ name: 'lectern check', positionals: '[entry=slides.md]', options, run }, argv) }
 * - `--help` prints the usage and the options table the tool declares, exit 0.
 * - A mistyped or unknown option, a missing value or a bad value: one line naming it, then the usage, exit 2.
 * - `run` returns the exit code: 0 fine, 1 problems found.
 * - Anything thrown: one line with what went wrong and what to do (the error's message), exit 1;
 *   the stack trace only with DEBUG set.
 */
import type { ParseArgsConfig } from 'node:util'
import process from 'node:process'
import { parseArgs } from 'node:util'

export interface CliOption {
  type: 'string' | 'boolean'
  /** One line for `--help`. */
  help: string
  /** Placeholder shown in `--help` for a string option: `--out <dir>`. */
  value?: string
  multiple?: boolean
  short?: string
  default?: string | boolean | string[]
}

export type CliValues<O extends Record<string, CliOption>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean | undefined
    : O[K]['multiple'] extends true ? string[] | undefined : string | undefined
}

export interface CliSpec<O extends Record<string, CliOption>> {
  /** The command as users type it: `lectern check`. */
  name: string
  /** What the tool does, one sentence. */
  summary: string
  /** Positional arguments as shown in the usage line, one word each: `[entry=slides.md]`. Absent: none allowed. */
  positionals?: string
  options: O
  /** Lines after the options table (examples, exit codes that differ). */
  epilog?: string
  run: (args: { values: CliValues<O>, positionals: string[] }) => Promise<number | void> | number | void
}

/** A bad argument value the tool found itself (`--layout 3`): reported like a mistyped flag, exit 2. */
export class UsageError extends Error {}

/** `--entry`, as every tool that builds a deck takes it. */
export const ENTRY_OPTION = {
  type: 'string',
  value: 'slides.md',
  help: 'the deck\'s entry file (its folder holds components/, public/ …)',
  default: 'slides.md',
} as const satisfies CliOption

const HELP: CliOption = { type: 'boolean', short: 'h', help: 'show this help and exit' }

export function usageLine<O extends Record<string, CliOption>>(spec: CliSpec<O>): string {
  return `Usage: ${spec.name} [options]${spec.positionals
    ? ` ${spec.positionals}`
    : ''}  (--help for details)`
}

export function helpText<O extends Record<string, CliOption>>(spec: CliSpec<O>): string {
  const rows = Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => {
    const flag = `${o.short
      ? `-${o.short}, `
      : ''}--${name}${o.type === 'string'
      ? ` <${o.value ?? 'value'}>`
      : ''}`
    const fallback = o.default === undefined || o.default === false
      ? ''
      : ` (default: ${[o.default].flat().join(', ')})`
    return [flag, `${o.help}${o.multiple ? ' (repeatable)' : ''}${fallback}`]
  })
  const width = Math.max(...rows.map(([flag]) => flag.length))
  return [
    `Usage: ${spec.name} [options]${spec.positionals
      ? ` ${spec.positionals}`
      : ''}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    ...(spec.epilog
      ? ['', spec.epilog]
      : []),
    '',
    'Exit status: 0 done, 1 problems found or the run failed, 2 bad command line.',
  ].join('\n')
}

/** The closest candidate if it is close enough to be a typo (case-insensitive). */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3))
    ? best
    : undefined
}

/** Edits between two words, a swap of two neighbours counting one (`--entyr` is one typo away from `--entry`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i || j))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1]
        ? 0
        : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** parseArgs' error as one line in the user's terms. */
function usageProblem(error: Error & { code?: string }, names: string[]): string {
  const quoted = error.message.match(/'([^']+)'/)?.[1] ?? ''
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = quoted.replace(/^-+/, '')
      const guess = didYouMean(flag, names)
      return `unknown option ${quoted}${guess
        ? ` — did you mean --${guess}?`
        : ''}`
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument '${quoted}'`
    default:
      // ERR_PARSE_ARGS_INVALID_OPTION_VALUE: "Option '--out <value>' argument missing" and the like.
      return error.message.split('\n')[0].replace(/\. To specify.*$/, '')
  }
}

/** Parses argv, runs the tool, sets the exit code. Never throws; returns the exit code (tests call it). */
export async function runCli<O extends Record<string, CliOption>>(spec: CliSpec<O>, argv = process.argv.slice(2)): Promise<number> {
  const tool = spec.name
  const code = await (async (): Promise<number> => {
    let parsed: { values: Record<string, unknown>, positionals: string[] }
    try {
      parsed = parseArgs({
        args: argv,
        options: { ...spec.options, help: HELP } as ParseArgsConfig['options'],
        allowPositionals: !!spec.positionals,
        strict: true,
      })
    }
    catch (error) {
      console.error(`${tool}: ${usageProblem(error as Error, [
        ...Object.keys(spec.options),
        'help',
      ])}`)
      console.error(usageLine(spec))
      return 2
    }
    const allowed = spec.positionals
      ? spec.positionals.split(/\s+/).length
      : 0
    if (parsed.positionals.length > allowed) {
      console.error(`${tool}: unexpected argument '${parsed.positionals[allowed]}'`)
      console.error(usageLine(spec))
      return 2
    }
    if (parsed.values.help) {
      console.log(helpText(spec))
      return 0
    }
    try {
      return (await spec.run({ values: parsed.values as CliValues<O>, positionals: parsed.positionals })) ?? 0
    }
    catch (error) {
      if (error instanceof UsageError) {
        console.error(`${tool}: ${error.message}`)
        console.error(usageLine(spec))
        return 2
      }
      console.error(crashLine(tool, error))
      if (process.env.DEBUG && error instanceof Error && error.stack)
        console.error(error.stack)
      return 1
    }
  })()
  process.exitCode = code
  return code
}

/**
 * `tool: message`. The tools' own errors already say what to do; a programming error (TypeError …) is a bug
 * in the tool, so it says how to get the stack trace for a report.
 */
export function crashLine(tool: string, error: unknown): string {
  const message = error instanceof Error
    ? error.message
    : String(error)
  const bug = error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError || error instanceof RangeError
  return `${tool}: ${message}${bug && !process.env.DEBUG
    ? ' — a bug in the tool: run again with DEBUG=1 for the stack trace and report it'
    : ''}`
}
