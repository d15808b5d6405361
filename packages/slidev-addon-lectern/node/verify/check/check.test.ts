import type { Problem } from './check.ts'
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readDeck } from '../../deck/deck.ts'
import { checkDeck, declaredProps, figuresIn, formatNotesReport, formatProblem, NOTES_PANE_UNITS, notesReport } from './check.ts'

const LECTERN = fileURLToPath(new URL('../../../bin/lectern.js', import.meta.url))

// Each fixture deck under tests/fixtures/ carries exactly one fault; line numbers below are the
// lines of the fixture files, counted by hand.
const deck = (name: string): string => `tests/fixtures/${name}/slides.md`
function where(p: Problem): Pick<Problem, 'severity' | 'file' | 'line' | 'slide'> {
  return {
    severity: p.severity,
    file: p.file,
    line: p.line,
    slide: p.slide,
  }
}

describe('checkDeck', () => {
  it('finds no error in the real deck', async () => {
    expect((await checkDeck('slides.md')).filter(p => p.severity === 'error').map(formatProblem)).toEqual([])
  })

  it('finds nothing wrong in a deck with src imports, images, components, icons and citations', async () => {
    expect(await checkDeck(deck('clean'))).toEqual([])
  })

  it('reports a src: target that does not exist at its src line, numbered as the slide that follows it', async () => {
    const problems = await checkDeck(deck('broken-src'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/broken-src/slides.md',
        line: 7,
        slide: 3,
      },
    ])
    expect(problems[0].message).toContain('./slides/02-midle.md does not exist')
    expect(problems[0].fix).toBe('did you mean `tests/fixtures/broken-src/slides/02-middle.md`?')
  })

  it('reports an image missing from public/ at the line that uses it', async () => {
    const problems = await checkDeck(deck('missing-image'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/missing-image/slides.md',
        line: 15,
        slide: 2,
      },
    ])
    expect(problems[0].fix).toBe('create tests/fixtures/missing-image/public/diagram.png or fix the path')
  })

  it('reports a remote image as an error because the deck must work offline', async () => {
    const problems = await checkDeck(deck('remote-image'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/remote-image/slides.md',
        line: 14,
        slide: 2,
      },
    ])
    expect(problems[0].message).toContain('https://example.com/chart.png')
    expect(problems[0].fix).toBe('download it to public/chart.png and use `/chart.png`')
  })

  it('reports a misspelt component and suggests the component that exists', async () => {
    const problems = await checkDeck(deck('unknown-component'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/unknown-component/slides.md',
        line: 15,
        slide: 2,
      },
    ])
    expect(problems[0].message).toBe('unknown component <LiveMigraton>')
    expect(problems[0].fix).toBe('did you mean `LiveMigration`?')
  })

  it('knows icon components of installed Iconify sets, names the package of a set that is not installed, and the prefix Slidev does not resolve', async () => {
    const problems = await checkDeck(deck('missing-icon-set'))
    expect(problems.map(p => `${p.line} ${p.message}  ${p.fix}`)).toEqual([
      '13 unknown component <i-carbon-cloud> (Slidev draws nothing for it)  write the icon without the `i-` prefix: <carbon-cloud />',
      `15 unknown component <ri-github-line>  if it is an Iconify icon, install its set: npm i -D @iconify-json/ri; else create tests/fixtures/missing-icon-set/components/RiGithubLine.vue`,
    ])
  })

  it('holds a deck that does not opt into the house rules to Slidev\'s rules only', async () => {
    // Icons of two installed sets, a TeX title, HTML in notes, section dividers without `minutes`: nothing to fix.
    expect((await checkDeck(deck('english-deck'))).map(formatProblem)).toEqual([])
    // The same faults as the house-rules fixtures, without `houseRules: true`: a remote image is a warning.
    const problems = await checkDeck(deck('browser-remote-image'))
    expect(problems.map(p => `${p.severity} ${p.message}`)).toEqual([
      'warning remote image https://example.com/x.png (presenting and printing need the network; the export stops unless --allow-remote)',
    ])
  })

  it('reports malformed frontmatter YAML at the line of the unclosed bracket', async () => {
    const problems = await checkDeck(deck('bad-frontmatter'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/bad-frontmatter/slides.md',
        line: 11,
        slide: 2,
      },
    ])
    expect(problems[0].message).toMatch(/^frontmatter is not valid YAML/)
  })

  it('warns about an unknown frontmatter key with the key Slidev knows', async () => {
    const problems = await checkDeck(deck('unknown-key'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'warning',
        file: 'tests/fixtures/unknown-key/slides.md',
        line: 10,
        slide: 2,
      },
    ])
    expect(problems[0].fix).toBe('did you mean `layout`?')
  })

  it('reports a slide left empty by a doubled separator, pointing at that separator', async () => {
    const problems = await checkDeck(deck('empty-slide'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/empty-slide/slides.md',
        line: 19,
        slide: 3,
      },
    ])
    expect(problems[0].message).toBe('empty slide (no content)')
  })

  it('reports a slide without speaker notes at its separator line', async () => {
    const problems = await checkDeck(deck('no-notes'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/no-notes/slides.md',
        line: 10,
        slide: 2,
      },
    ])
    expect(problems[0].fix).toBe('add a `<!-- notes -->` block at the end of the slide')
  })

  it('reports more than 7 bullets at the first bullet over the limit', async () => {
    const problems = await checkDeck(deck('too-many-bullets'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/too-many-bullets/slides.md',
        line: 21,
        slide: 2,
      },
    ])
    expect(problems[0].message).toBe('9 bullets in one list (limit 7)')
  })

  it('counts bullets per list: two short columns side by side pass', async () => {
    expect(await checkDeck(deck('two-columns-of-bullets'))).toEqual([])
  })

  it('counts a table row as a line of text and reports more than 12 at the first text line', async () => {
    const problems = await checkDeck(deck('too-many-lines'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/too-many-lines/slides.md',
        line: 12,
        slide: 2,
      },
    ])
    expect(problems[0].message).toBe('14 lines of text (limit 12)')
  })

  it('reports a code block longer than 22 lines at its opening fence', async () => {
    const problems = await checkDeck(deck('long-code'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/long-code/slides.md',
        line: 14,
        slide: 2,
      },
    ])
    expect(problems[0].message).toBe('code block of 25 lines (limit 22)')
  })

  it('reports a reference nobody cites at its line in references.ts, numbered as the references slide', async () => {
    const problems = await checkDeck(deck('uncited-reference'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/uncited-reference/data/references.ts',
        line: 4,
        slide: 3,
      },
    ])
    expect(problems[0].message).toBe('reference `hines2009` is never cited')
  })

  it('reports a citation of an unknown id and suggests the close one', async () => {
    const problems = await checkDeck(deck('unknown-citation'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'error',
        file: 'tests/fixtures/unknown-citation/slides.md',
        line: 15,
        slide: 2,
      },
    ])
    expect(problems[0].fix).toBe('did you mean `clark2005`?')
  })
})

describe('rules for any deck', () => {
  it('names a slide by the same line as node/deck/deck.ts does', async () => {
    const [problem] = await checkDeck(deck('no-notes'))
    const slide = (await readDeck(deck('no-notes'))).slides[problem.slide - 1]
    expect(`${slide.file}:${slide.line}`).toBe(`${problem.file}:${problem.line}`)
  })

  it('holds a deck without its own data/references.ts to no citation rule, and knows its layouts\' props', async () => {
    expect((await checkDeck(deck('typical'))).map(formatProblem)).toEqual([])
  })

  it('reads the props a layout declares', () => {
    expect(declaredProps('defineProps<{ chapter: number, minutes?: number }>()')).toEqual(['chapter', 'minutes'])
    expect(declaredProps(`withDefaults(defineProps<{\n  number: string | number\n  unit?: string\n}>(), {})`)).toEqual(['number', 'unit'])
    expect(declaredProps('no props here')).toEqual([])
  })
})

describe('a figure on a slide carries a citation', () => {
  it('finds numbers with a unit and percentages', () => {
    const figures = (text: string) => figuresIn([text]).map(f => f.figure)
    expect(figures('脏页率 125 MB/s，停机 300 ms')).toEqual(['125 MB/s', '300 ms'])
    expect(figures('最多 24 次访存')).toEqual(['24 次'])
    expect(figures('≤ 5 MiB 内存，提速 15–38%')).toEqual(['5 MiB', '15–38%'])
    expect(figures('3GHz, 2.5 倍, 1 万台')).toEqual(['3GHz', '2.5 倍', '1 万'])
  })

  it('leaves years, chapters, versions, list numbers, names with digits, tags and link targets alone', () => {
    const figures = (text: string) => figuresIn([text]).map(f => f.figure)
    expect(figures('1974 年，第 3 章，Linux 2.6.20，Xen 4.12')).toEqual([])
    expect(figures('1. K8s 与 x86-64，v2，3 个阶段，10 steps')).toEqual([])
    expect(figures('<LiveMigration :rate="125" unit="MB/s" /> [论文](https://x.org/5ms)')).toEqual([])
  })

  it('warns on the slide that shows one and cites nothing; code, notes, props and cited slides pass', async () => {
    const problems = await checkDeck(deck('uncited-figure'))
    expect(problems.map(where)).toEqual([
      {
        severity: 'warning',
        file: 'tests/fixtures/uncited-figure/slides.md',
        line: 35,
        slide: 3,
      },
    ])
    expect(problems[0].message).toBe('figure "125 MB/s" without a citation')
    expect(problems[0].fix).toContain('<Cite id=')
  })
})

describe('speaker notes follow AUTHORING.md', () => {
  it('wants [click] markers, minutes in frontmatter, and notes that fit the pane', async () => {
    const problems = await checkDeck(deck('notes-conventions'))
    expect(problems.map(p => [p.severity, p.line, p.slide, p.message])).toEqual([
      [
        'error',
        20,
        2,
        'hand-written click cue "（点击）" in the notes',
      ],
      [
        'warning',
        32,
        3,
        'timing in the notes ("约 5 分钟")',
      ],
      [
        'warning',
        41,
        4,
        `speaker notes of 600 reading units do not fit the presenter's notes pane (limit ${NOTES_PANE_UNITS})`,
      ],
    ])
    expect(problems[0].fix).toMatch(/^use a \[click\] marker/)
    expect(problems[1].fix).toMatch(/^declare minutes in the divider's frontmatter/)
  })
})

describe('timing', () => {
  it('wants positive minutes, a minutes on every chapter divider, and a sum equal to the duration', async () => {
    const problems = await checkDeck(deck('bad-minutes'))
    expect(problems.map(p => [p.line, p.slide, p.message])).toEqual([
      [4, 1, 'the slides\' `minutes` add up to 4, but `duration` is 10 minutes'],
      [15, 2, '`minutes: five` is not a positive number'],
      [25, 3, 'chapter divider without `minutes`'],
    ])
    expect(problems.every(p => p.severity === 'error')).toBe(true)
  })

  it('reports note reading minutes per chapter and in total, as information', async () => {
    const report = notesReport(await readDeck())
    expect(report.unitsPerMinute).toBe(240)
    expect(report.chapters.length).toBeGreaterThan(3)
    const sum = report.chapters.reduce((n, c) => n + c.notesMinutes, 0)
    expect(Math.abs(sum - report.notesMinutes)).toBeLessThan(0.1 * report.chapters.length)
    expect(formatNotesReport(report)).toMatch(/^Notes \(information\)[\s\S]*total/)
  })

  it('names the slides before the first chapter in the deck\'s language', async () => {
    // this talk (zh-CN) opens with its cover and agenda; the English fixture with its cover
    expect(notesReport(await readDeck()).chapters[0].title).toBe('（开场）')
    expect(notesReport(await readDeck(deck('english-deck'))).chapters[0].title).toBe('(opening)')
  })
})

describe('lectern check', () => {
  it('prints `file:line  slide N` lines and exits 1 when the deck has an error', () => {
    const run = spawnSync(process.execPath, [
      LECTERN,
      'check',
      deck('no-notes'),
    ], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('Errors (1)')
    expect(run.stdout).toContain('tests/fixtures/no-notes/slides.md:10  slide 2  slide has no speaker notes  add a `<!-- notes -->` block at the end of the slide')
    expect(run.stdout).toContain('1 error, 0 warnings')
    expect(run.stdout).toContain('Notes (information)')
  })

  it('prints problems and the notes report as JSON with --json', () => {
    const run = spawnSync(process.execPath, [
      LECTERN,
      'check',
      '--json',
      deck('no-notes'),
    ], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    const json = JSON.parse(run.stdout)
    expect(json.problems).toHaveLength(1)
    expect(json.notes.unitsPerMinute).toBe(240)
  })

  it('exits 0 when the deck has only warnings', () => {
    const run = spawnSync(process.execPath, [
      LECTERN,
      'check',
      deck('unknown-key'),
    ], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Warnings (1)')
  })

  it('formats a problem as one line', () => {
    expect(formatProblem({
      severity: 'error',
      file: 'a.md',
      line: 3,
      slide: 2,
      message: 'x',
      fix: 'y',
    })).toBe('a.md:3  slide 2  x  y')
  })
})
