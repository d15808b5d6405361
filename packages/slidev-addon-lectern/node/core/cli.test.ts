import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { didYouMean, runCli, UsageError } from './cli.ts'

/** Every command of `lectern`; each must answer --help and a mistyped flag the same way. */
const COMMANDS = Object.keys(await import('../main.ts').then(m => m.COMMANDS))
const BIN = fileURLToPath(new URL('../../bin/lectern.js', import.meta.url))

function run(args: string[], cwd?: string) {
  // As typed in `cwd` (npm run sets INIT_CWD to where vitest was started).
  const { INIT_CWD: _, ...env } = process.env
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env })
}

// Each run starts Node and loads the command's imports (Playwright, Slidev's parser): seconds on a busy machine.
describe.each(COMMANDS)('lectern %s', { timeout: 60_000 }, (command) => {
  it('answers --help with the usage and every option, exit 0', () => {
    const result = run([command, '--help'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^Usage: lectern ${command} \\[options\\]`))
    expect(result.stdout).toContain('-h, --help')
    expect(result.stdout).toContain('Exit status:')
  })

  it('answers a mistyped flag with one line naming it and the usage, exit 2, no stack trace', () => {
    const result = run([command, '--hepl'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toBe(`lectern ${command}: unknown option --hepl — did you mean --help?`)
    expect(lines[1]).toMatch(new RegExp(`^Usage: lectern ${command} \\[options\\].*\\(--help for details\\)$`))
  })
})

describe('lectern', { timeout: 60_000 }, () => {
  const scratch: string[] = []
  afterEach(() => {
    for (const dir of scratch.splice(0))
      rmSync(dir, { recursive: true, force: true })
  })

  it('lists its commands, and names the closest one for a typo, exit 2', () => {
    const help = run(['--help'])
    expect(help.status).toBe(0)
    for (const command of COMMANDS)
      expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'))
    const typo = run(['chekc'])
    expect(typo.status).toBe(2)
    expect(typo.stderr.split('\n')[0]).toBe('lectern: unknown command \'chekc\' — did you mean check?')
  })

  it('checks the deck of the folder it runs in, whose path has a space and Chinese characters', () => {
    // Inside the repository, so the folder finds this workspace's @slidev/cli above it, as a deck's folder does.
    mkdirSync('.cache', { recursive: true })
    const parent = mkdtempSync(join(resolve('.cache'), 'deck-cli-'))
    scratch.push(parent)
    const dir = join(parent, '演讲 稿')
    mkdirSync(dir)
    writeFileSync(join(dir, 'slides.md'), '---\ntitle: Probe\n---\n\n# Probe\n\n<!--\nSpeaker notes.\n-->\n')
    const result = run(['check', '--json'], dir)
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as { problems: { file: string }[], notes: { chapters: unknown[] } }
    expect(report.problems.map(p => p.file)).not.toContain(expect.stringContaining('tests/fixtures'))
    expect(report.notes.chapters.length).toBeGreaterThan(0)
  })

  it('refuses a folder without Slidev in one line, before reading anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-cli-'))
    scratch.push(dir)
    writeFileSync(join(dir, 'slides.md'), '# Probe\n')
    const result = run(['check'], dir)
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trimEnd().split('\n')).toEqual([`lectern check: no @slidev/cli installed for the deck in ${realpathSync(dir)} — run the command in the deck's folder, after \`npm install\` there`])
  })

  it('refuses a Slidev outside its peer range (create-slidev\'s 52) in one line naming both versions and the fix, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-cli-'))
    scratch.push(dir)
    writeFileSync(join(dir, 'slides.md'), '---\naddons: [lectern]\n---\n\n# Probe\n')
    mkdirSync(join(dir, 'node_modules/@slidev/cli'), { recursive: true })
    writeFileSync(join(dir, 'node_modules/@slidev/cli/package.json'), '{ "name": "@slidev/cli", "version": "52.15.2", "bin": { "slidev": "./bin/slidev.mjs" } }')
    const result = run(['build'], dir)
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.trimEnd().split('\n')).toEqual([`lectern build: this deck has @slidev/cli 52.15.2; slidev-addon-lectern supports ^53.0.0 — install a supported Slidev (npm install -D "@slidev/cli@^53.0.0") or a kit that supports 52.15.2`])
  })
})

describe('runCli', () => {
  const spec = {
    name: 'lectern demo',
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
    expect(out.lines).toEqual(['lectern demo: dist/index.html not found — build the site first: npm run build'])
    out.lines.length = 0
    await runCli({
      ...spec,
      run: () => {
        throw new TypeError('x is undefined')
      },
    }, [])
    expect(out.lines).toEqual(['lectern demo: x is undefined — a bug in the tool: run again with DEBUG=1 for the stack trace and report it'])
    out.lines.length = 0
    vi.stubEnv('DEBUG', '1')
    await runCli({
      ...spec,
      run: () => {
        throw new TypeError('x is undefined')
      },
    }, [])
    vi.unstubAllEnvs()
    expect(out.lines[0]).toBe('lectern demo: x is undefined')
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
    expect(out.lines).toEqual(['lectern demo: --out must not be empty', 'Usage: lectern demo [options] [file]  (--help for details)'])
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
      'lectern demo: unexpected argument \'b\'',
      'lectern demo: Option \'--out <value>\' argument missing',
    ])
    out.restore()
  })

  it('suggests the option meant, a swap of two letters counting as one typo', () => {
    expect(didYouMean('entyr', ['entry', 'out'])).toBe('entry')
    expect(didYouMean('ou', ['entry', 'out'])).toBe('out')
    expect(didYouMean('zzz', ['entry', 'out'])).toBeUndefined()
  })
})
