/**
 * The deck's own Slidev, run through its public command: `slidev build <entry> --out <out> [--base]
 * [--without-notes]`, in a child process (its memory goes when it is done), with the @slidev/cli the deck's
 * folder resolves — the deck's node_modules, not the kit's. Slidev compiles its print route (which
 * node/make/print/export.ts prints from) into a build only when it would also export a PDF itself;
 * `keepPrintRoute`, one of the addon's plugins (setup/vite-plugins.ts), keeps the route without that second
 * export — so a deck the kit builds lists the addon (`addons: [lectern]`).
 */
import type { Plugin } from 'vite'
import type { DeckSlide } from '../deck/deck.ts'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import YAML from 'yaml'
import { SLIDEV_SOURCES } from '../../shared/slidev-internals.ts'
import { KIT_NAME, KIT_ROOT } from '../core/kit.ts'
import { DECK_ENTRY_ENV, SITE_URL_ENV } from '../deck/talk.ts'

/** The Slidev versions the kit supports: its peer range for @slidev/cli (package.json). */
export const SUPPORTED_SLIDEV = (JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> }).peerDependencies['@slidev/cli']

export interface DeckSlidev {
  /** The @slidev/cli package folder. */
  dir: string
  version: string
  /** Its `slidev` command (the package's `bin`). */
  bin: string
}

/** @slidev/cli as the deck in `root` resolves it (its own node_modules, then the folders above); undefined when absent. */
export function deckSlidev(root = process.cwd()): DeckSlidev | undefined {
  let pkg: string
  try {
    pkg = createRequire(join(resolve(root), 'package.json')).resolve('@slidev/cli/package.json')
  }
  catch {
    return undefined
  }
  const json = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string, bin: string | Record<string, string> }
  const bin = typeof json.bin === 'string'
    ? json.bin
    : json.bin.slidev
  return {
    dir: dirname(pkg),
    version: json.version,
    bin: join(dirname(pkg), bin),
  }
}

/** Whether `version` is in a range written as `^A.B.C`, `>=A.B.C <D.E.F` or several joined by `||`. */
export function inRange(version: string, range: string): boolean {
  const parse = (v: string): number[] => v.replace(/^[v=]/, '').split(/[.-]/).slice(0, 3).map(Number)
  const compare = (a: number[], b: number[]): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
  const v = parse(version)
  return range.split('||').some(alternative => alternative.trim().split(/\s+/).every((part) => {
    const m = part.match(/^(\^|>=|<=|[><=])?(\d+\.\d+\.\d+)$/)
    if (!m)
      throw new Error(`cannot read the version range "${range}"`)
    const bound = parse(m[2])
    const c = compare(v, bound)
    switch (m[1]) {
      case '^': return c >= 0 && v[0] === bound[0]
      case '>=': return c >= 0
      case '>': return c > 0
      case '<=': return c <= 0
      case '<': return c < 0
      default: return c === 0
    }
  }))
}

/** One line when the deck in `root` has no Slidev or one the kit does not support; undefined when it is fine. */
export function slidevVersionProblem(root = process.cwd()): string | undefined {
  const slidev = deckSlidev(root)
  if (!slidev)
    return `no @slidev/cli installed for the deck in ${resolve(root)} — run the command in the deck's folder, after \`npm install\` there`
  if (!inRange(slidev.version, SUPPORTED_SLIDEV))
    return `this deck has @slidev/cli ${slidev.version}; ${KIT_NAME} supports ${SUPPORTED_SLIDEV} — install a supported Slidev (npm install -D "@slidev/cli@${SUPPORTED_SLIDEV}") or a kit that supports ${slidev.version}`
  return undefined
}

/** The deck's Slidev, or an error naming the problem (see slidevVersionProblem). */
export function requireSlidev(root = process.cwd()): DeckSlidev {
  const problem = slidevVersionProblem(root)
  if (problem)
    throw new Error(problem)
  return deckSlidev(root)!
}

export function keepPrintRoute(): Plugin {
  return {
    name: 'deck:keep-print-route',
    enforce: 'post',
    config(config) {
      config.define = { ...config.define, [SLIDEV_SOURCES.printFeatureFlag]: 'true' }
    },
  }
}

/** The addons a deck lists, in its headmatter (`addons:`) and its package.json (`slidev.addons`). */
export function listedAddons(entry: string): string[] {
  const text = readFileSync(entry, 'utf8').replace(/^\uFEFF/, '')
  const head = text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1]
  const fromHead = head
    ? (YAML.parse(head) as { addons?: unknown } | null)?.addons
    : undefined
  const pkg = join(dirname(entry), 'package.json')
  const fromPkg = existsSync(pkg)
    ? (JSON.parse(readFileSync(pkg, 'utf8')) as { slidev?: { addons?: unknown } }).slidev?.addons
    : undefined
  return [fromHead, fromPkg].flatMap(list => Array.isArray(list)
    ? list.map(String)
    : [])
}

/** Whether an `addons:` entry names this kit (`lectern`, `slidev-addon-lectern` or a path to it). */
export function isKit(addon: string): boolean {
  return addon === 'lectern' || addon === KIT_NAME || addon.replace(/\/+$/, '').endsWith(`/${KIT_NAME}`)
}

export interface SiteBuildOptions {
  entry?: string
  out: string
  base?: string
  /** Keep speaker notes in the bundle (the presenter copy). Off for the hosted site. */
  withNotes?: boolean
  quiet?: boolean
  /** The hosted site's URL, for the QR code and the links (node/deck/talk.ts); '' keeps the headmatter's. */
  siteUrl?: string
}

/** npm packages `virtual:deck-fonts.css` (Deck Sans) is cut from: without them Chinese falls back to whatever the machine has. */
export const FONT_PACKAGES = ['@fontsource/noto-sans-sc', '@fontsource/noto-sans', '@fontsource/jetbrains-mono']

export function checkFontPackages(names = FONT_PACKAGES, root = process.cwd()) {
  const require = createRequire(join(resolve(root), 'package.json'))
  for (const name of names) {
    try {
      require.resolve(`${name}/package.json`)
    }
    catch {
      throw new Error(`Font package ${name} is missing — run npm ci (or npm install ${name})`)
    }
  }
}

/** `slidev build` of the deck, with the deck's own Slidev; rejects with the build's cause first. */
export function slidevBuild(options: SiteBuildOptions): Promise<void> {
  const entry = resolve(options.entry ?? 'slides.md')
  if (!existsSync(entry))
    return Promise.reject(new Error(`${relative(process.cwd(), entry) || entry} does not exist — run in the deck's folder or pass --entry`))
  if (!listedAddons(entry).some(isKit))
    return Promise.reject(new Error(`${relative(process.cwd(), entry) || entry} does not list the kit — add \`addons: [lectern]\` to its headmatter (the print route the PDFs come from and the kit's plugins come with the addon)`))
  const slidev = requireSlidev(dirname(entry))
  const built = run([
    slidev.bin,
    'build',
    entry,
    '--out',
    resolve(options.out),
    ...(options.base
      ? ['--base', options.base]
      : []),
    ...(options.withNotes
      ? []
      : ['--without-notes']),
  ], {
    quiet: options.quiet,
    what: 'slidev build',
    cwd: dirname(entry),
    env: {
      // virtual:deck-talk (node/deck/talk.ts) reads the deck and the site URL from here.
      [DECK_ENTRY_ENV]: entry,
      ...(options.siteUrl
        ? { [SITE_URL_ENV]: options.siteUrl }
        : {}),
    },
  })
  // Slidev names a slide by its module id, an icon by its set and name; the deck's file and line say more.
  return built.catch(async (error: Error) => {
    const { readDeck } = await import('../deck/deck.ts')
    const deck = await readDeck(relative(process.cwd(), entry)).catch(() => undefined)
    const where = deck
      ? whereInDeck(error.message, deck.slides, dirname(entry))
      : []
    if (where.length) {
      const lines = error.message.split('\n')
      const stack = lines.findIndex(l => /^\s+(?:at\s|…)/.test(l))
      lines.splice(stack < 0
        ? lines.length
        : stack, 0, ...where)
      error.message = lines.join('\n')
    }
    throw error
  })
}

/**
 * Lines `file:line  slide N  what — fix` naming where the deck holds what a failed build's message names:
 * an Iconify icon Slidev could not load (every use of its tag), or a slide module (`slides.md__slidev_3.md`).
 * `slides` come from readDeck (files relative to the working folder); `root` is the deck's folder.
 */
export function whereInDeck(message: string, slides: Pick<DeckSlide, 'no' | 'file' | 'line'>[], root: string): string[] {
  const slideAt = (file: string, line: number) => slides.findLast(s => s.file === file && s.line <= line)
  const icon = /Icon `([a-z\d-]+)\/([a-z\d-]+)` not found/.exec(message)
  if (icon) {
    const [, set, name] = icon
    const installed = (() => {
      try {
        createRequire(join(resolve(root), 'package.json')).resolve(`@iconify-json/${set}/package.json`)
        return true
      }
      catch {
        return false
      }
    })()
    const fix = installed
      ? `@iconify-json/${set} has no icon ${name}: fix the name (the set's icons are listed at https://icones.js.org/collection/${set})`
      : `install its set: npm i -D @iconify-json/${set}`
    // Slidev resolves the icon's tag in kebab case and in PascalCase.
    const kebab = `${set}-${name}`
    const tag = new RegExp(`<(?:${kebab}|${toPascal(kebab)})(?=[\\s/>])`)
    return [
      ...new Set(slides.map(s => s.file)),
    ].flatMap(file => readFileSync(file, 'utf8').split('\n').flatMap((text, i) => {
      const slide = tag.test(text) && slideAt(file, i + 1)
      return slide
        ? [`${file}:${i + 1}  slide ${slide.no}  icon <${kebab}> not found — ${fix}`]
        : []
    }))
  }
  const module = /[^\s/]*__slidev_(\d+)\.(?:md|frontmatter)\b/.exec(message)
  const slide = module && slides.find(s => s.no === Number(module[1]))
  return slide
    ? [`${slide.file}:${slide.line}  slide ${slide.no}  the slide the error above is in (Slidev's module ${module[0]})`]
    : []
}

function toPascal(kebab: string): string {
  return kebab.replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())
}

/**
 * A failed build's stderr, cause first: the error's message and the file it names, then at most `frames`
 * lines of stack (Slidev and Vite print the stack after the message; the tail alone hides the cause).
 */
export function causeFirst(stderr: string, frames = 3): string {
  // Blank lines and the bits of an error object Node prints after its message (`errors: [Getter/Setter]`, `}`) say nothing;
  // nor do Vite's "✗ Build failed in 2.5s" and "Build failed with 1 error:" before the error itself.
  // Rolldown's report of slow plugins (`[PLUGIN_TIMINGS]` … `See …#bundlertimings …`) comes before the error and is advice, not cause.
  // eslint-disable-next-line no-control-regex -- colour codes
  const plain = stderr.replace(/\u001B\[[\d;]*m/g, '').replace(/^\[PLUGIN_TIMINGS\][\s\S]*?bundlertimings.*$/m, '')
  const lines = plain.split('\n').map(l => l.trimEnd()).filter(l => l && !/^\s*[{}]$|\[Getter\/Setter\]|^(?:✗ )?Build failed (?:in [\d.]+m?s|with \d+ errors?:)$/.test(l))
  const isFrame = (line: string): boolean => /^\s+at\s/.test(line)
  // Vite names the plugin and the module (`[plugin vite:vue] /deck/slides.md__slidev_2.md:6:13`) on the line before the
  // error; Rolldown opens its errors with a code (`[MISSING_EXPORT] "x" is not exported by "y"`).
  const start = Math.max(0, lines.findIndex(l => !isFrame(l) && /^\[plugin |^\[[A-Z][A-Z_]+\] |error|failed|cannot|not found|\bENOENT\b/i.test(l)))
  const cause = lines.slice(start).filter(l => !isFrame(l)).slice(0, 12)
  const stack = lines.slice(start).filter(isFrame)
  return [
    ...cause,
    ...stack.slice(0, frames),
    ...(stack.length > frames
      ? [`    … ${stack.length - frames} more stack lines`]
      : []),
  ].join('\n')
}

export interface RunOptions {
  quiet?: boolean
  what?: string
  cwd?: string
  env?: Record<string, string>
}

/**
 * `node <args>` with Node's compile cache; stdout shown unless quiet, stderr kept: on success it is passed on
 * (warnings), on failure the error carries it cause first.
 */
export function run(args: string[], options: RunOptions = {}): Promise<void> {
  const { quiet = false, what = `slidev ${args[1]}`, cwd, env = {} } = options
  // Node keeps the compiled code of Slidev, Vite, UnoCSS … for the next build (~0.4 s of CPU, measured), in the
  // node_modules that holds them.
  const slidev = deckSlidev(cwd)
  const compileCache = slidev
    ? join(slidev.dir, '../../.cache/node-compile')
    : undefined
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: {
        ...(compileCache
          ? { NODE_COMPILE_CACHE: compileCache }
          : {}),
        ...process.env,
        ...env,
      },
      stdio: [
        'ignore',
        quiet
          ? 'ignore'
          : 'inherit',
        'pipe',
      ],
    })
    let stderr = ''
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) {
        if (!quiet && stderr.trim())
          process.stderr.write(stderr)
        resolve()
        return
      }
      reject(new Error(`${what} failed (exit ${code})${stderr.trim()
        ? `:\n${causeFirst(stderr)}`
        : ''}`))
    })
  })
}
