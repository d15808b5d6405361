import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { didYouMean, runCli, UsageError } from './cli.ts'

/** Every tool with a command line; each must answer --help and a mistyped flag the same way. */
const TOOLS = [
  'make/build',
  'make/print/export',
  'verify/check/check',
  'verify/gate/gate',
  'bench/bench',
  'core/serve',
  'core/browser',
  'fonts/font-subset',
  'verify/gate/density',
  'make/print/contact-sheet',
]
const NODE = fileURLToPath(new URL('..', import.meta.url))

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' })
}

// Each run starts Node and loads the tool's imports (Playwright, Slidev's parser): seconds on a busy machine.
describe.each(TOOLS)('node node/%s.ts', { timeout: 60_000 }, (path) => {
  const tool = path.replace(/^.*\//, '')
  it('answers --help with the usage and every option, exit 0', () => {
    const result = run(join(NODE, `${path}.ts`), ['--help'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^Usage: node node/${path}\\.ts \\[options\\]`))
    expect(result.stdout).toContain('-h, --help')
    expect(result.stdout).toContain('Exit status:')
  })

  it('answers a mistyped flag with one line naming it and the usage, exit 2, no stack trace', () => {
    const result = run(join(NODE, `${path}.ts`), ['--hepl'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toBe(`${tool}: unknown option --hepl — did you mean --help?`)
    expect(lines[1]).toMatch(new RegExp(`^Usage: node node/${path}\\.ts \\[options\\].*\\(--help for details\\)$`))
  })
})

describe('entry detection', () => {
  const scratch: string[] = []
  afterEach(() => {
    for (const dir of scratch.splice(0))
      rmSync(dir, { recursive: true, force: true })
  })

  it('runs a tool whose path has a space and Chinese characters', () => {
    // The old guard (import.meta.url === `file://${argv[1]}`) was false here: the URL is percent-encoded.
    const dir = join(mkdtempSync(join(tmpdir(), 'deck-cli-')), '演讲 稿')
    scratch.push(resolve(dir, '..'))
    mkdirSync(dir)
    writeFileSync(join(dir, 'probe.ts'), `import { runCli } from ${JSON.stringify(pathToFileURL(fileURLToPath(new URL('./cli.ts', import.meta.url))).href)}
if (import.meta.main)
  await runCli({ name: 'probe.ts', summary: 'probe', options: {}, run: () => console.log('ran as main') })
`)
    const result = run(join(dir, 'probe.ts'), [])
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('ran as main\n')
  })
})

describe('runCli', () => {
  const spec = {
    name: 'tools/demo.ts',
    summary: 'A demo.',
    positionals: '[file]',
    options: {
      out: {
        type: 'string',
        value: 'dir',
        help: 'where',
        default: 'out',
      },
    },
  } as const
  function capture() {
    const lines: string[] = []
    const error = vi.spyOn(console, 'error').mockImplementation((...args) => void lines.push(args.join(' ')))
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args.join(' ')))
    return {
      lines,
      restore: () => {
        error.mockRestore()
        log.mockRestore()
        process.exitCode = 0
      },
    }
  }

  it('returns what the tool returns: 1 for problems found', async () => {
    const out = capture()
    expect(await runCli({
      ...spec,
      run: ({ values }) => values.out === 'x'
        ? 1
        : 0,
    }, ['--out', 'x'])).toBe(1)
    expect(await runCli({
      ...spec,
      run: () => {},
    }, ['a'])).toBe(0)
    out.restore()
  })

  it('reports a crash as one line with the error\'s advice, exit 1, the stack only with DEBUG', async () => {
    const out = capture()
    const code = await runCli({
      ...spec,
      run: () => {
        throw new Error('dist/index.html not found — build the site first: npm run build')
      },
    }, [])
    expect(code).toBe(1)
    expect(out.lines).toEqual(['demo: dist/index.html not found — build the site first: npm run build'])
    out.lines.length = 0
    await runCli({
      ...spec,
      run: () => {
        throw new TypeError('x is undefined')
      },
    }, [])
    expect(out.lines).toEqual(['demo: x is undefined — a bug in the tool: run again with DEBUG=1 for the stack trace and report it'])
    out.lines.length = 0
    vi.stubEnv('DEBUG', '1')
    await runCli({
      ...spec,
      run: () => {
        throw new TypeError('x is undefined')
      },
    }, [])
    vi.unstubAllEnvs()
    expect(out.lines[0]).toBe('demo: x is undefined')
    expect(out.lines[1]).toMatch(/^TypeError: x is undefined\n\s+at /)
    out.restore()
  })

  it('reports a bad value the tool rejects like a mistyped flag, exit 2', async () => {
    const out = capture()
    const code = await runCli({
      ...spec,
      run: () => {
        throw new UsageError('--out must not be empty')
      },
    }, [])
    expect(code).toBe(2)
    expect(out.lines).toEqual(['demo: --out must not be empty', 'Usage: node tools/demo.ts [options] [file]  (--help for details)'])
    out.restore()
  })

  it('refuses a second positional and a missing value', async () => {
    const out = capture()
    expect(await runCli({
      ...spec,
      run: () => {},
    }, ['a', 'b'])).toBe(2)
    expect(await runCli({
      ...spec,
      run: () => {},
    }, ['--out'])).toBe(2)
    expect(out.lines.filter(l => !l.startsWith('Usage:'))).toEqual([
      'demo: unexpected argument \'b\'',
      'demo: Option \'--out <value>\' argument missing',
    ])
    out.restore()
  })

  it('suggests the option meant, a swap of two letters counting as one typo', () => {
    expect(didYouMean('entyr', ['entry', 'out'])).toBe('entry')
    expect(didYouMean('ou', ['entry', 'out'])).toBe('out')
    expect(didYouMean('zzz', ['entry', 'out'])).toBeUndefined()
  })
})
