import { describe, expect, it } from 'vitest'
import { entryLines, splitByWeight } from './referenceParts'

describe('splitByWeight', () => {
  it('cuts equal weights into equal parts', () => {
    expect(splitByWeight(Array.from({ length: 12 }).fill(1), 3)).toEqual([0, 4, 8])
  })

  it('gives heavy entries parts of their own count so the text, not the count, is balanced', () => {
    // Six three-line entries then twelve one-line entries: 30 lines, 15 a part.
    const w = [
      ...Array.from({ length: 6 }).fill(3),
      ...Array.from({ length: 12 }).fill(1),
    ]
    const [, second] = splitByWeight(w, 2)
    expect(second).toBe(5)
    const first = w.slice(0, second).reduce((a, b) => a + b, 0)
    expect(first).toBe(15)
  })

  it('keeps every part non-empty and the order intact', () => {
    const starts = splitByWeight([10, 1, 1], 3)
    expect(starts).toEqual([0, 1, 2])
    for (let k = 1; k <= 5; k++) {
      const s = splitByWeight([3, 1, 2, 5, 1, 1, 4], k)
      expect(s).toHaveLength(k)
      expect(s[0]).toBe(0)
      for (let j = 1; j < s.length; j++)
        expect(s[j]).toBeGreaterThan(s[j - 1])
    }
  })

  it('rejects a part count that is not a positive integer', () => {
    expect(() => splitByWeight([1, 2], 0)).toThrow(/positive integer/)
  })
})

describe('entryLines', () => {
  it('counts started lines, at least one', () => {
    expect(entryLines(0)).toBe(1)
    expect(entryLines(64)).toBe(1)
    expect(entryLines(65)).toBe(2)
  })
})
