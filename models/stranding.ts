/**
 * Stranding (搁浅) in VM placement: a host's CPU that nobody can buy because its memory is gone, or
 * the other way round. Borg (Verma et al., EuroSys 2015) calls these "stranded resources – ones that
 * cannot be used because another resource on the machine is fully allocated", and scores machines to
 * leave fewer of them.
 *
 * Modelled:
 * - identical hosts (vCPU, GiB) and a menu of three shapes of one size, 4 vCPU each, in the families
 *   clouds sell: c 2 GiB/vCPU (compute), m 4 GiB/vCPU (general), r 8 GiB/vCPU (memory);
 * - requests arrive in deployments (a few VMs of one shape in a row, as real requests do), in a seeded
 *   order, and are placed one at a time, for good: no departures, no migration;
 * - a VM goes only where both its CPU and its memory fit; the first request no host can take ends the
 *   run — the moment the fleet first says no;
 * - stranded = the free CPU and memory of hosts on which no shape of the menu fits any more.
 *
 * Policies: 'first-fit' takes the first host with room and looks at nothing else; 'balance' takes the
 * host whose free CPU share and free memory share are closest after placing (ties: the fuller host,
 * then the lower number). 'balance' stands in for stranding-aware scoring (Borg's hybrid score, the
 * rules of Azure's Protean); it is not their formula.
 *
 * Simplified away: VM sizes, departures, oversubscription, failure domains, anti-affinity.
 */

export type Family = 'c' | 'm' | 'r'
export type Policy = 'first-fit' | 'balance'

export interface Resources {
  /** vCPU */
  cpu: number
  /** GiB */
  mem: number
}

export interface Vm extends Resources {
  id: string
  family: Family
}

export interface HostState {
  vms: Vm[]
  cpuFree: number
  memFree: number
  /** No shape of the menu fits on this host any more: its free resources are stranded. */
  stranded: boolean
}

export interface PlacementResult {
  hosts: HostState[]
  /** VMs placed before the first request that fit nowhere. */
  placed: number
  /** The request that fit nowhere, or null when the stream ran out first. */
  rejected: Vm | null
  /** Allocated share of the fleet's CPU and memory, 0–1. */
  cpuSold: number
  memSold: number
  /** Free resources on hosts where no shape fits. */
  strandedCpu: number
  strandedMem: number
  /** Free resources in all, stranded or not. */
  freeCpu: number
  freeMem: number
}

/** The menu: one size, three families. */
export const SHAPES: Record<Family, Resources> = {
  c: { cpu: 4, mem: 8 },
  m: { cpu: 4, mem: 16 },
  r: { cpu: 4, mem: 32 },
}

export const FAMILY_LABELS: Record<Family, string> = {
  c: '计算型',
  m: '通用型',
  r: '内存型',
}

export const POLICY_LABELS: Record<Policy, string> = {
  'first-fit': '首次适应',
  'balance': '两维平衡',
}

/** The demo's host: 32 vCPU, 128 GiB (4 GiB per vCPU, the ratio of the general-purpose family). */
export const DEMO_HOST: Resources = { cpu: 32, mem: 128 }

const EPS = 1e-9

function fits(h: Resources, v: Resources): boolean {
  return v.cpu <= h.cpu + EPS && v.mem <= h.mem + EPS
}

/** Can any shape of the menu still go on a host with this much free? */
export function anyShapeFits(free: Resources): boolean {
  return Object.values(SHAPES).some(s => fits(free, s))
}

/** The host a policy picks for `vm`, or -1 when it fits nowhere. */
export function pickHost(free: Resources[], vm: Resources, host: Resources, policy: Policy): number {
  if (policy === 'first-fit')
    return free.findIndex(f => fits(f, vm))
  let best = -1
  let bestKey: [number, number] = [Infinity, Infinity]
  free.forEach((f, i) => {
    if (!fits(f, vm))
      return
    const cpuLeft = (f.cpu - vm.cpu) / host.cpu
    const memLeft = (f.mem - vm.mem) / host.mem
    const key: [number, number] = [
      Math.abs(cpuLeft - memLeft),
      cpuLeft + memLeft,
    ]
    if (key[0] < bestKey[0] - EPS || (Math.abs(key[0] - bestKey[0]) <= EPS && key[1] < bestKey[1] - EPS)) {
      best = i
      bestKey = key
    }
  })
  return best
}

/** Place the requests in order on `hostCount` empty hosts until one fits nowhere. */
export function place(requests: Vm[], hostCount: number, host: Resources, policy: Policy): PlacementResult {
  const hosts: HostState[] = Array.from({ length: hostCount }, () => ({
    vms: [],
    cpuFree: host.cpu,
    memFree: host.mem,
    stranded: false,
  }))
  let rejected: Vm | null = null
  for (const vm of requests) {
    const i = pickHost(hosts.map(h => ({ cpu: h.cpuFree, mem: h.memFree })), vm, host, policy)
    if (i < 0) {
      rejected = vm
      break
    }
    hosts[i].vms.push(vm)
    hosts[i].cpuFree -= vm.cpu
    hosts[i].memFree -= vm.mem
  }
  for (const h of hosts)
    h.stranded = !anyShapeFits({ cpu: h.cpuFree, mem: h.memFree }) && (h.cpuFree > EPS || h.memFree > EPS)
  const sum = (f: (h: HostState) => number, only = (_: HostState) => true) => hosts.filter(only).reduce((s, h) => s + f(h), 0)
  const freeCpu = sum(h => h.cpuFree)
  const freeMem = sum(h => h.memFree)
  return {
    hosts,
    placed: sum(h => h.vms.length),
    rejected,
    cpuSold: 1 - freeCpu / (host.cpu * hostCount),
    memSold: 1 - freeMem / (host.mem * hostCount),
    strandedCpu: sum(h => h.cpuFree, h => h.stranded),
    strandedMem: sum(h => h.memFree, h => h.stranded),
    freeCpu,
    freeMem,
  }
}

/** Mean GiB per vCPU of the requests when a share `memShare` is memory-optimised and the rest splits evenly between c and m. */
export function meanRatio(memShare: number): number {
  const other = (1 - memShare) / 2
  return (other * SHAPES.c.mem + other * SHAPES.m.mem + memShare * SHAPES.r.mem) / SHAPES.m.cpu
}

/** mulberry32: a small deterministic PRNG; floats in [0, 1). */
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

/**
 * A seeded stream of `count` requests in deployments of 1–4 VMs of one shape; a deployment is
 * memory-optimised with probability `memShare`, otherwise compute or general purpose with equal odds.
 */
export function requestStream(count: number, memShare: number, seed: number): Vm[] {
  const rnd = mulberry32(seed)
  const out: Vm[] = []
  while (out.length < count) {
    const u = rnd()
    const family: Family = u < memShare
      ? 'r'
      : u < memShare + (1 - memShare) / 2
        ? 'c'
        : 'm'
    const size = 1 + Math.floor(rnd() * 4)
    for (let k = 0; k < size && out.length < count; k++)
      out.push({ id: `${family}${out.length + 1}`, family, ...SHAPES[family] })
  }
  return out
}
