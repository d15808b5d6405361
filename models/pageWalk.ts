/**
 * Two-dimensional (nested) page walk after a TLB miss (Bhargava et al., ASPLOS 2008).
 *
 * With EPT/NPT every guest page-table pointer is a guest-physical address (GPA), so before the
 * hardware can read a guest page-table entry it walks the host (EPT/NPT) table for that GPA.
 * For guest levels i = 0…n−1 (top level first, starting from gCR3): m host references to translate the
 * GPA of the level-i guest table, then 1 reference to read the guest entry. The last guest entry yields
 * the data page's GPA, which needs one more host walk of m references.
 * Total (n+1)(m+1) − 1 = n·m + n + m: 24 for 4×4, 35 for 5×5; a native walk needs n.
 *
 * Options, each a deliberately simple model:
 * - `tlbHit`: the translation is in the TLB, no walk at all (0 references).
 * - `pwcLevels = k`: a page-walk / nested-TLB cache holds the host translations (GPA → HPA) of the guest
 *   page-table pages of the upper k guest levels, so those rows cost only the guest-entry read
 *   (saves k·m references). This stands in for Bhargava's caches; it is not their measured hit rate.
 * - `hostHugePages`: the host maps guest memory with large pages (e.g. 2 MiB), so every host walk
 *   stops one level early: m − 1 references per host walk → (n+1)·m − 1 (19 for 4×4).
 * - `mode: 'shadow'`: shadow paging — the hardware walks the VMM's merged GVA→HPA table like a native one
 *   (n references), but the VMM must trap guest page-table writes to keep the shadow in sync; that cost is
 *   paid in VM exits, not in this count.
 * - `mode: 'native'`: no virtualization, n references.
 */

export type WalkMode = 'nested' | 'shadow' | 'native'

export interface WalkOptions {
  /** Guest page-table levels n (2–5). */
  guestLevels: number
  /** Host (EPT/NPT) levels m (2–5). */
  hostLevels: number
  mode?: WalkMode
  tlbHit?: boolean
  /** Upper guest levels whose host walks hit a page-walk cache (0…n). */
  pwcLevels?: number
  hostHugePages?: boolean
}

export type CellKind = 'host' | 'guest'
export type CellState = 'ref' | 'cached' | 'huge' | 'tlb' | 'absent'

/** One cell of the grid: rows 0…n−1 are guest levels, row n is the final (data) GPA; columns 0…m−1 host levels, column m the guest entry read. */
export interface WalkCell {
  row: number
  col: number
  kind: CellKind
  state: CellState
  /** 1-based position in the walk when the cell is a memory reference. */
  order: number | null
  label: string
}

export interface WalkResult {
  n: number
  m: number
  mode: WalkMode
  /** Memory references in walk order. */
  refs: WalkCell[]
  /** Grid [row][col], (n+1) × (m+1); the final row's last cell is the data access (not counted). */
  grid: WalkCell[][]
  total: number
  /** (n+1)(m+1) − 1, the uncached nested worst case for these n, m. */
  fullNested: number
  /** How the total is computed, for the slide. */
  formula: string
}

/** (n+1)(m+1) − 1 */
export function nestedRefs(n: number, m: number): number {
  return (n + 1) * (m + 1) - 1
}

export function guestLevelName(n: number, row: number): string {
  return row < n
    ? `gL${n - row}`
    : '数据'
}

export function hostLevelName(m: number, col: number): string {
  return `hL${m - col}`
}

function clampLevels(x: number): number {
  return Math.min(5, Math.max(2, Math.round(x)))
}

export function pageWalk(options: WalkOptions): WalkResult {
  const n = clampLevels(options.guestLevels)
  const m = clampLevels(options.hostLevels)
  const mode = options.mode ?? 'nested'
  const k = Math.min(n, Math.max(0, Math.round(options.pwcLevels ?? 0)))
  const huge = options.hostHugePages ?? false
  const tlb = options.tlbHit ?? false

  const grid: WalkCell[][] = []
  const refs: WalkCell[] = []
  for (let row = 0; row <= n; row++) {
    const cells: WalkCell[] = []
    const g = guestLevelName(n, row)
    for (let col = 0; col <= m; col++) {
      const kind: CellKind = col < m
        ? 'host'
        : 'guest'
      let label: string
      if (kind === 'host') {
        label = row < n
          ? `${hostLevelName(m, col)}：翻译 ${g} 页表的 GPA`
          : `${hostLevelName(m, col)}：翻译数据页的 GPA`
      }
      else {
        label = row < n
          ? `读 ${g} 页表项`
          : '访问数据（不计入）'
      }

      let state: CellState
      if (kind === 'guest' && row === n) {
        state = 'absent'
      }
      else if (tlb) {
        state = 'tlb'
      }
      else if (mode !== 'nested') {
        state = kind === 'guest'
          ? 'ref'
          : 'absent'
      }
      else if (kind === 'host' && huge && col === m - 1) {
        state = 'huge'
      }
      else if (kind === 'host' && row < k) {
        state = 'cached'
      }
      else {
        state = 'ref'
      }
      const cell: WalkCell = {
        row,
        col,
        kind,
        state,
        order: null,
        label,
      }
      if (state === 'ref') {
        refs.push(cell)
        cell.order = refs.length
      }
      cells.push(cell)
    }
    grid.push(cells)
  }

  const total = refs.length
  let formula: string
  if (tlb) {
    formula = 'TLB 命中：0 次访存'
  }
  else if (mode === 'native') {
    formula = `原生：n = ${n}`
  }
  else if (mode === 'shadow') {
    formula = `影子页表：n = ${n}（同步影子表的开销在 VM exit 里）`
  }
  else {
    const hm = huge
      ? m - 1
      : m
    let sym = huge ? '(n+1)·m − 1' : '(n+1)(m+1) − 1'
    let num = `${n + 1}×${hm + 1} − 1`
    if (k > 0) {
      sym += huge ? ' − k·(m−1)' : ' − k·m'
      num = `${nestedRefs(n, hm)} − ${k}×${hm}`
    }
    formula = `${sym} = ${num}`
  }
  return {
    n,
    m,
    mode,
    refs,
    grid,
    total,
    fullNested: nestedRefs(n, m),
    formula,
  }
}
