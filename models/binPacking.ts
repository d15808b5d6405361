/**
 * VM consolidation as bin packing (装箱): VMs with {cpu, mem} demands onto identical hosts.
 *
 * - 'vector' mode: a VM fits on a host only if BOTH its CPU and its memory fit (vector bin packing).
 * - 'cpu-only' mode: the naive single-resource packer that looks at CPU alone; it can put more memory on
 *   a host than the host has (reported as overflow).
 *
 * First Fit Decreasing sorts by the dominant normalised size max(cpu/Hcpu, mem/Hmem) (ties: by the sum
 * of the normalised sizes, then by input order); in 'cpu-only' mode by cpu/Hcpu. Best Fit picks the host
 * whose normalised leftover (cpu/Hcpu + mem/Hmem after placing) is smallest; for one resource this is the
 * classic Best Fit. No randomness here: fleets come from a seeded generator.
 *
 * Worst-case bounds: FFD ≤ 11/9·OPT + 6/9 (Dósa 2007) is proved for ONE dimension only — `pack1D`
 * and its tests. The two-resource demo (`pack` in 'vector' mode) carries no such guarantee; it is
 * compared with the lower bound `lowerBound`, not with OPT.
 */

export interface VmDemand {
  id: string
  cpu: number
  mem: number
}

export interface HostCapacity {
  cpu: number
  mem: number
}

export type Algorithm = 'ff' | 'bf' | 'ffd'
export type PackMode = 'vector' | 'cpu-only'

export interface PackedHost {
  vms: VmDemand[]
  cpuUsed: number
  memUsed: number
  /** Used / capacity; may exceed 1 in 'cpu-only' mode. */
  cpuUtil: number
  memUtil: number
  overflow: boolean
}

export interface PackResult {
  algorithm: Algorithm
  mode: PackMode
  hosts: PackedHost[]
  hostsUsed: number
  lowerBound: number
  /** Hosts whose memory (or CPU) demand exceeds capacity. */
  overflowHosts: number
}

export const ALGORITHM_LABELS: Record<Algorithm, string> = {
  ff: 'First Fit',
  bf: 'Best Fit',
  ffd: 'First Fit Decreasing',
}

const EPS = 1e-9

/** max over resources of ⌈Σ demand / capacity⌉ — no packing can use fewer hosts. */
export function lowerBound(vms: VmDemand[], host: HostCapacity): number {
  const cpu = vms.reduce((s, v) => s + v.cpu, 0)
  const mem = vms.reduce((s, v) => s + v.mem, 0)
  return Math.max(Math.ceil(cpu / host.cpu - EPS), Math.ceil(mem / host.mem - EPS), 0)
}

/** Dominant (largest normalised) demand of a VM. */
export function dominantSize(v: VmDemand, host: HostCapacity): number {
  return Math.max(v.cpu / host.cpu, v.mem / host.mem)
}

export function pack(vms: VmDemand[], host: HostCapacity, algorithm: Algorithm, mode: PackMode = 'vector'): PackResult {
  let order = vms.map((v, i) => ({ v, i }))
  if (algorithm === 'ffd') {
    const key = (v: VmDemand) => (mode === 'vector'
      ? dominantSize(v, host)
      : v.cpu / host.cpu)
    const tie = (v: VmDemand) => v.cpu / host.cpu + v.mem / host.mem
    order = order.sort((a, b) => (key(b.v) - key(a.v)) || (tie(b.v) - tie(a.v)) || (a.i - b.i))
  }
  const bins: { vms: VmDemand[], cpu: number, mem: number }[] = []
  const fits = (b: { cpu: number, mem: number }, v: VmDemand) =>
    b.cpu + v.cpu <= host.cpu + EPS && (mode === 'cpu-only' || b.mem + v.mem <= host.mem + EPS)
  for (const { v } of order) {
    let target = -1
    if (algorithm === 'bf') {
      let best = Infinity
      bins.forEach((b, j) => {
        if (!fits(b, v))
          return
        const left = mode === 'vector'
          ? (host.cpu - b.cpu - v.cpu) / host.cpu + (host.mem - b.mem - v.mem) / host.mem
          : (host.cpu - b.cpu - v.cpu) / host.cpu
        if (left < best - EPS) {
          best = left
          target = j
        }
      })
    }
    else {
      target = bins.findIndex(b => fits(b, v))
    }
    if (target < 0) {
      bins.push({ vms: [], cpu: 0, mem: 0 })
      target = bins.length - 1
    }
    const b = bins[target]
    b.vms.push(v)
    b.cpu += v.cpu
    b.mem += v.mem
  }
  const hosts: PackedHost[] = bins.map(b => ({
    vms: b.vms,
    cpuUsed: b.cpu,
    memUsed: b.mem,
    cpuUtil: b.cpu / host.cpu,
    memUtil: b.mem / host.mem,
    overflow: b.cpu > host.cpu + EPS || b.mem > host.mem + EPS,
  }))
  return {
    algorithm,
    mode,
    hosts,
    hostsUsed: hosts.length,
    lowerBound: lowerBound(vms, host),
    overflowHosts: hosts.filter(h => h.overflow).length,
  }
}

/** 1-D convenience: sizes into bins of `capacity`; returns the number of bins. */
export function pack1D(sizes: number[], capacity: number, algorithm: Algorithm): number {
  const vms = sizes.map((s, i) => ({
    id: String(i),
    cpu: s,
    mem: 0,
  }))
  return pack(vms, { cpu: capacity, mem: 1 }, algorithm).hostsUsed
}

/**
 * Exact optimum for small 1-D instances (≤ 10 items) by exhaustive search with symmetry breaking:
 * items in decreasing order, each tried in every open bin (bins with equal load tried once) or a new bin.
 */
export function optimal1D(sizes: number[], capacity: number): number {
  if (sizes.length > 12)
    throw new Error(`optimal1D: ${sizes.length} items is too many for exhaustive search (≤ 12)`)
  if (sizes.some(s => s > capacity + EPS))
    throw new Error('optimal1D: an item is larger than the bin')
  const items = [...sizes].sort((a, b) => b - a)
  let best = items.length
  const loads: number[] = []
  const lb = Math.ceil(items.reduce((a, b) => a + b, 0) / capacity - EPS)
  function go(i: number) {
    if (loads.length >= best)
      return
    if (i === items.length) {
      best = loads.length
      return
    }
    const seen = new Set<number>()
    for (let j = 0; j < loads.length; j++) {
      if (loads[j] + items[i] <= capacity + EPS && !seen.has(loads[j])) {
        seen.add(loads[j])
        loads[j] += items[i]
        go(i + 1)
        loads[j] -= items[i]
        if (best === lb)
          return
      }
    }
    loads.push(items[i])
    go(i + 1)
    loads.pop()
  }
  go(0)
  return best
}

/** mulberry32: a small deterministic PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The host used by the demo: 32 vCPU, 128 GiB. */
export const DEMO_HOST: HostCapacity = { cpu: 32, mem: 128 }

/**
 * A seeded fleet in the style of cloud instance families: 2, 4, 8 or 16 vCPU with 2 GiB/vCPU
 * (compute-optimised), 4 GiB/vCPU (general purpose) or 8 GiB/vCPU (memory-optimised).
 */
export function generateFleet(count: number, seed: number): VmDemand[] {
  const rnd = mulberry32(seed)
  const sizes = [2, 2, 4, 4, 4, 8, 8, 16]
  const ratios = [2, 4, 4, 8]
  const fams = ['c', 'm', 'm', 'r']
  return Array.from({
    length: Math.max(0, Math.floor(count)),
  }, (_, i) => {
    const cpu = sizes[Math.floor(rnd() * sizes.length)]
    const r = Math.floor(rnd() * ratios.length)
    return { id: `${fams[r]}${i + 1}`, cpu, mem: cpu * ratios[r] }
  })
}
