/**
 * Splitting the reference list over several slides so that each slide carries about the same amount of
 * text (not the same number of entries: one long documentation entry takes three lines, a paper two).
 */

/** Lines an entry of `chars` visible characters takes in one column of the references slide (12 px type). */
export const CHARS_PER_LINE = 64

export function entryLines(chars: number): number {
  return Math.max(1, Math.ceil(chars / CHARS_PER_LINE))
}

/**
 * Cut `weights` (in order) into `parts` contiguous runs of about equal total weight.
 * Returns the start index of every part (the first is 0); each part gets at least one entry
 * while there are entries enough.
 */
export function splitByWeight(weights: number[], parts: number): number[] {
  if (!Number.isInteger(parts) || parts < 1)
    throw new Error(`splitByWeight: parts must be a positive integer, not ${parts}`)
  const total = weights.reduce((a, b) => a + b, 0)
  const starts = [0]
  let acc = 0
  let i = 0
  for (let j = 1; j < parts; j++) {
    const target = (total * j) / parts
    // Advance while taking the next entry brings the running total closer to the target.
    while (i < weights.length && Math.abs(acc + weights[i] - target) <= Math.abs(acc - target)) {
      acc += weights[i]
      i++
    }
    // Keep every part non-empty: at least one entry after the previous start, one left for each later part.
    const lo = starts[j - 1] + 1
    const hi = weights.length - (parts - j)
    while (i < lo && i < weights.length) {
      acc += weights[i]
      i++
    }
    while (i > hi && i > lo) {
      i--
      acc -= weights[i]
    }
    starts.push(Math.min(i, weights.length))
  }
  return starts
}
