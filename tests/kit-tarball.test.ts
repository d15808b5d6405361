/**
 * The kit as a Slidev author gets it (issue #19): `npm pack` of packages/slidev-addon-lectern, installed with its
 * own dependencies into a fresh starter deck — create-slidev's template with its own package.json and node_modules,
 * @slidev/cli set to the kit's peer range — in a folder outside this repository. There `npx lectern check`,
 * `npx lectern export --allow-remote` and `npx lectern build --allow-remote` write beside the starter's slides.md
 * and nowhere else; then the same for a second small English deck (tests/fixtures/english-talk: icons, code, a
 * remote image) in a folder of its own. Offline the starter's and the deck's remote images and web fonts never
 * arrive: the commands leave them out, with a warning each, instead of waiting.
 * The starter's install is kept in the system's temp folder, keyed by the tarball's and the template's hash: a
 * second run with the same kit skips `npm install`; installs unused for an hour are removed. LECTERN_SKIP_TARBALL=1 skips the whole file.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from './pdf.ts'

const KIT = resolve('packages/slidev-addon-lectern')
const kitPackage = JSON.parse(readFileSync(join(KIT, 'package.json'), 'utf8')) as { name: string, version: string, peerDependencies: Record<string, string> }
/** The second deck: tests/fixtures/english-talk, copied into a folder of its own. */
const ENGLISH = 'english-talk'
const TEMPLATE = join(dirname(createRequire(import.meta.url).resolve('create-slidev/package.json')), 'template')

// The starter's commands run on this Node (22, as npm test gives), typed in the starter's folder.
const { INIT_CWD: _, ...baseEnv } = process.env
const env = {
  ...baseEnv,
  PATH: [
    dirname(process.execPath),
    process.env.PATH,
  ].join(delimiter),
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
}

let starter: string
let packDir: string
/** Paths in the tarball, as `npm pack` lists them. */
let packed: string[]

function sh(command: string, args: string[], cwd: string, timeout = 600_000) {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout })
}
const lectern = (args: string[], cwd: string) => sh('npx', ['lectern', ...args], cwd)

/** What the repository holds that a command could have written to: its untracked files and its (ignored) output folders. */
function repositoryState(): string[] {
  return [
    execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }),
    ...['dist', 'exports'].map(dir => existsSync(dir)
      ? `${dir} ${statSync(dir).mtimeMs} ${readdirSync(dir).join(',')}`
      : `${dir} absent`),
  ]
}

/** The handout of an English deck has English chrome (cover, page footers) and not one CJK character. */
function expectEnglishHandout(file: string) {
  const text = pdfText(file)
  expect(text).toContain('Handout')
  expect(text).toMatch(/Page 1 of \d+/)
  expect(text).not.toMatch(/[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]/)
}

describe.skipIf(process.env.LECTERN_SKIP_TARBALL === '1')('the kit installed from its tarball into a fresh Slidev starter', { timeout: 900_000 }, () => {
  beforeAll(() => {
    packDir = mkdtempSync(join(tmpdir(), 'lectern-pack-'))
    const pack = execFileSync('npm', [
      'pack',
      '--json',
      '--pack-destination',
      packDir,
    ], {
      cwd: KIT,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    packed = (JSON.parse(pack.slice(pack.search(/^\[/m))) as { files: { path: string }[] }[])[0].files.map(f => f.path)
    const tarball = join(packDir, `${kitPackage.name}-${kitPackage.version}.tgz`)
    const hash = createHash('sha256')
    hash.update(readFileSync(tarball))
    for (const file of ['package.json', 'slides.md'])
      hash.update(readFileSync(join(TEMPLATE, file)))
    starter = join(tmpdir(), `lectern-starter-${hash.digest('hex').slice(0, 12)}`)
    // Every change to the kit makes a new install (~750 MB): drop those no run has touched for an hour (a run
    // removes and writes dist/ and exports/ in its starter, which updates the folder's time).
    for (const name of readdirSync(tmpdir()).filter(n => n.startsWith('lectern-starter-'))) {
      const old = join(tmpdir(), name)
      if (old !== starter && Date.now() - statSync(old).mtimeMs > 3_600_000)
        rmSync(old, { recursive: true, force: true })
    }
    if (!existsSync(join(starter, '.installed'))) {
      rmSync(starter, { recursive: true, force: true })
      cpSync(TEMPLATE, starter, { recursive: true })
      renameSync(join(starter, '_gitignore'), join(starter, '.gitignore'))
      cpSync(tarball, join(starter, 'kit.tgz'))
      const pkg = JSON.parse(readFileSync(join(starter, 'package.json'), 'utf8')) as { dependencies: Record<string, string>, devDependencies?: Record<string, string> }
      pkg.dependencies['@slidev/cli'] = kitPackage.peerDependencies['@slidev/cli']
      writeFileSync(join(starter, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
      const install = sh('npm', ['install', '--no-audit', '--no-fund'], starter)
      expect(install.status, install.stderr).toBe(0)
      const kit = sh('npm', [
        'install',
        '-D',
        './kit.tgz',
        '--no-audit',
        '--no-fund',
      ], starter)
      expect(kit.status, kit.stderr).toBe(0)
      // The one line a deck adds: the addon in its headmatter.
      const slides = readFileSync(join(starter, 'slides.md'), 'utf8')
      writeFileSync(join(starter, 'slides.md'), slides.replace(/^---\n/, '---\naddons:\n  - lectern\n'))
      writeFileSync(join(starter, '.installed'), '')
    }
    for (const dir of ['dist', 'exports', ENGLISH])
      rmSync(join(starter, dir), { recursive: true, force: true })
  })
  afterAll(() => {
    rmSync(packDir, { recursive: true, force: true })
  })

  it('ships compiled JavaScript for its command and no tests, and installs the starter\'s own Slidev', () => {
    const installed = join(starter, 'node_modules', kitPackage.name)
    expect(packed).toContain('dist/node/main.js')
    expect(packed.filter(file => file.endsWith('.test.ts') || file.endsWith('.test.js'))).toEqual([])
    expect(existsSync(join(installed, 'dist/node/main.js'))).toBe(true)
    expect(existsSync(join(installed, 'setup/vite-plugins.ts'))).toBe(true)
    expect(existsSync(join(starter, 'node_modules/@slidev/cli/package.json'))).toBe(true)
    expect(starter.startsWith(resolve('.'))).toBe(false)
  })

  it('`npx lectern check slides.md` reads the starter (not this talk): no errors, its notes reported', () => {
    const check = lectern(['check', 'slides.md'], starter)
    expect(check.stderr).toBe('')
    expect(check.status, check.stdout).toBe(0)
    // Remote images are warnings; the house rules (notes on every slide, line limits) are not the starter's.
    expect(check.stdout).toMatch(/^0 errors, \d+ warnings?$/m)
    expect(check.stdout).not.toContain('speaker notes')
    expect(check.stdout).toContain('Notes (information)')
    expect(check.stdout).not.toContain('虚拟化')
  })

  it('`npx lectern export --allow-remote` writes the slides PDF and an English handout beside the starter\'s slides.md', () => {
    const before = repositoryState()
    const exported = lectern(['export', '--allow-remote'], starter)
    expect(exported.status, exported.stderr).toBe(0)
    for (const file of ['exports/slides.pdf', 'exports/handout.pdf', 'exports/handout-speaker.pdf'])
      expect(existsSync(join(starter, file)), file).toBe(true)
    expectEnglishHandout(join(starter, 'exports/handout.pdf'))
    expect(repositoryState()).toEqual(before)
  })

  it('`npx lectern build --allow-remote` writes dist/ beside the starter\'s slides.md and nothing elsewhere, whether the remote servers answer or not', () => {
    const before = repositoryState()
    const listing = readdirSync(starter)
    const built = lectern(['build', '--allow-remote'], starter)
    expect(built.status, built.stderr).toBe(0)
    for (const file of [
      'index.html',
      '2.html',
      'read/index.html',
      'slides.pdf',
      'handout.pdf',
      '404.html',
    ])
      expect(existsSync(join(starter, 'dist', file)), file).toBe(true)
    expect(readdirSync(starter).sort()).toEqual([
      ...new Set([...listing, 'dist', 'exports']),
    ].sort())
    expect(repositoryState()).toEqual(before)
  })

  describe('a second small English deck, in its own folder', () => {
    let deck: string
    beforeAll(() => {
      // Beside the starter's slides.md, so it resolves the starter's node_modules as a deck in a monorepo would.
      deck = join(starter, ENGLISH)
      cpSync(join('tests/fixtures', ENGLISH), deck, { recursive: true })
    })

    it('`npx lectern check` finds no errors; the remote image is a warning that names its slide', () => {
      const check = lectern(['check', 'slides.md'], deck)
      expect(check.status, check.stdout + check.stderr).toBe(0)
      expect(check.stdout).toMatch(/^0 errors, 1 warning$/m)
      expect(check.stdout).toMatch(/^slides\.md:\d+ {2}slide 4 {2}remote image https:\/\/sli\.dev\/logo\.png/m)
    })

    it('`npx lectern export --allow-remote` writes its PDFs beside its slides.md, one warning for the remote image', () => {
      const exported = lectern(['export', '--allow-remote'], deck)
      expect(exported.status, exported.stderr).toBe(0)
      // Online the image is printed; offline it is left out. Either way one line names the slide and the URL.
      expect(exported.stdout.split('\n').filter(l => l.includes('https://sli.dev/logo.png'))).toEqual([
        expect.stringMatching(/^warning: slide 4 \(slides\.md:\d+\): request off the machine \(allowed\).*: https:\/\/sli\.dev\/logo\.png — /),
      ])
      expect(readdirSync(join(deck, 'exports')).sort()).toEqual(['handout-speaker.pdf', 'handout.pdf', 'slides.pdf'])
      expectEnglishHandout(join(deck, 'exports/handout.pdf'))
      const slides = pdfText(join(deck, 'exports/slides.pdf'))
      expect(slides).toContain('cacheControl')
      expect(slides).toContain('Caching at the Edge')
    })

    it('`npx lectern build --allow-remote` writes its site beside its slides.md, not in the starter\'s dist/', () => {
      const starterSite = statSync(join(starter, 'dist/index.html')).mtimeMs
      const built = lectern(['build', '--allow-remote'], deck)
      expect(built.status, built.stderr).toBe(0)
      for (const file of ['index.html', '4.html', 'read/index.html'])
        expect(existsSync(join(deck, 'dist', file)), file).toBe(true)
      expect(readFileSync(join(deck, 'dist/index.html'), 'utf8')).toContain('Caching at the Edge')
      expect(statSync(join(starter, 'dist/index.html')).mtimeMs).toBe(starterSite)
    })
  })
})
