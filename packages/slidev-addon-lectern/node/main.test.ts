import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { wrongFolder } from './main.ts'

describe('wrongFolder', () => {
  const deck = mkdtempSync(join(tmpdir(), 'deck-main-'))
  const elsewhere = mkdtempSync(join(tmpdir(), 'deck-main-'))
  writeFileSync(join(deck, 'slides.md'), '# A deck\n')
  afterAll(() => {
    for (const dir of [deck, elsewhere])
      rmSync(dir, { recursive: true, force: true })
  })

  it('refuses `npm --prefix <other project>` typed in a deck\'s folder: it would read the other deck', () => {
    expect(wrongFolder({ INIT_CWD: deck }, elsewhere)).toMatch(/^you are in .*deck-main-.*, which has its own slides\.md, but this command would read the deck in .* — run `npx lectern …` in the deck's folder/)
  })

  it('lets a command typed in the deck\'s folder, in a folder without a deck, or outside npm run', () => {
    expect(wrongFolder({ INIT_CWD: deck }, deck)).toBeUndefined()
    expect(wrongFolder({ INIT_CWD: elsewhere }, deck)).toBeUndefined()
    expect(wrongFolder({}, deck)).toBeUndefined()
  })
})
