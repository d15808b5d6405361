/**
 * A discrete simulation of Xen's credit scheduler (credit1, xen/common/sched/credit.c).
 *
 * What is modelled as in credit.c:
 * - credits: a running vCPU burns CSCHED_CREDITS_PER_MSEC = 10 credits per ms;
 * - accounting (csched_acct) every tslice = 30 ms hands out 300 credits per pCPU, split between the
 *   active* domains by weight (default 256), capped by `credit_peak` (active vCPUs × 300) and by the
 *   cap (cap % of 300); unused fair share is passed on to the remaining domains; the negative
 *   system-wide balance is added back; a vCPU's credit is clamped at −300 and, above +300, the vCPU
 *   stops earning (leaves the active list) with its credit halved;
 * - priorities BOOST > UNDER > OVER > IDLE: OVER/UNDER are recomputed at accounting from the sign of the
 *   credit; a vCPU waking from sleep while UNDER (and not parked) becomes BOOST, is inserted at the head
 *   of its run queue and preempts a lower-priority vCPU (`__runq_tickle`); the 10 ms tick ends BOOST of
 *   the vCPU it finds running and puts idle vCPUs back on the active list;
 * - capped domains: a vCPU whose credit falls below −(cap credits per vCPU) is parked (paused) and
 *   unparked when accounting brings its credit back to ≥ 0 (no BOOST on that wake-up);
 * - per-pCPU run queues ordered by priority, FIFO within a priority; a 30 ms slice; a pCPU whose best
 *   local candidate is OVER or IDLE steals a strictly higher-priority, not-running vCPU from a busy peer
 *   whose run queue holds more than one runnable vCPU (`csched_load_balance` / `csched_runq_steal`).
 *
 * Simplified relative to credit.c (all deliberate, to keep the model small and deterministic):
 * - time advances in 1 ms steps; credits are burnt per step instead of from nanosecond timestamps;
 * - idle pCPUs look for work to steal at every step instead of being woken by a tickle IPI;
 * - all pCPUs tick at the same instants, the accounting runs right after the tick, and every run queue
 *   is re-sorted immediately (credit.c sorts lazily at each pCPU's next tick);
 * - no rate limiting (default 1 ms, i.e. below our step), no yield, no tasklets, no SMT/NUMA-aware
 *   `_csched_cpu_pick`, no migration of a running vCPU at the tick, no affinity, no cache-hot delay;
 * - a 'periodic' workload needs `runMs` of CPU, then sleeps `sleepMs` of wall time, for ever.
 */

export type Workload = 'busy' | { periodic: { runMs: number, sleepMs: number } }

export interface VmConfig {
  name: string
  /** Number of vCPUs (each runs the same workload). */
  vcpus: number
  /** Credit weight; Xen's default is 256. */
  weight: number
  /** Cap in % of one pCPU; 0 = no cap. */
  cap: number
  workload: Workload
  /** Run queue the VM's vCPUs start on; default: spread round-robin over the pCPUs. */
  home?: number
}

export interface SimOptions {
  /** Number of physical CPUs. */
  pcpus: number
  vms: VmConfig[]
  /** Simulated time in ms. */
  durationMs: number
  /** Width of the sampling window of the share series, in ms (default 100). */
  sampleMs?: number
  /** Wake-up boost on (default true) — turn off to compare. */
  boost?: boolean
  /** Idle/OVER pCPUs steal work from peers (default true) — turn off to compare. */
  workStealing?: boolean
  /** Record the per-ms trace (default true). */
  trace?: boolean
}

export type Priority = 'BOOST' | 'UNDER' | 'OVER' | 'IDLE'

const PRI_VALUE: Record<Priority, number> = {
  BOOST: 0,
  UNDER: -1,
  OVER: -2,
  IDLE: -64,
}

/** One pCPU during one 1 ms step. */
export interface TraceSlot {
  t: number
  pcpu: number
  /** `vm.vcpu`, e.g. 'A.0', or null when the pCPU idles. */
  vcpu: string | null
  vm: number | null
  pri: Priority
}

export type SchedEventKind = 'wake' | 'preempt' | 'steal' | 'park' | 'unpark' | 'block'

export interface SchedEvent {
  t: number
  kind: SchedEventKind
  vcpu: string
  pcpu: number
  /** Priority of `vcpu` at the event (for 'wake': after the boost decision). */
  pri: Priority
  /** For 'preempt': the vCPU that was running and its priority. For 'steal': the source pCPU. */
  victim?: string
  victimPri?: Priority
  from?: number
}

export interface SharePoint {
  /** End of the window, ms. */
  t: number
  /** Per VM, CPU used in the window, in units of one pCPU (1 = a full pCPU). */
  window: number[]
  /** Per VM, CPU used since t = 0, in units of one pCPU. */
  cumulative: number[]
}

export interface VmTotal {
  name: string
  cpuMs: number
  /**
   * vCPU-ms spent runnable but waiting for a pCPU: what the Guest kernel reports as steal time
   * (Linux `st` in top, from KVM's / Xen's steal-time accounting). Time parked by a cap is not counted.
   */
  stealMs: number
  /** cpuMs / duration: 1 = one full pCPU. */
  pcpuShare: number
  /** cpuMs / (duration × pcpus): fraction of the whole machine. */
  machineShare: number
}

export interface SimResult {
  series: SharePoint[]
  totals: VmTotal[]
  idleMs: number
  trace: TraceSlot[]
  events: SchedEvent[]
}

/** credit.c constants. */
export const CREDITS_PER_MSEC = 10
export const TICK_MS = 10
export const TSLICE_MS = 30
export const TICKS_PER_TSLICE = 3
export const CREDITS_PER_TSLICE = CREDITS_PER_MSEC * TSLICE_MS
export const DEFAULT_WEIGHT = 256

/** 交互型 (interactive) workload of the demo: 5 ms of CPU, then 45 ms asleep — 10% of a pCPU when served at once. */
export const INTERACTIVE: Workload = {
  periodic: { runMs: 5, sleepMs: 45 },
}

/** The slide's fleet: two busy VMs at weights 512 and 256, and one interactive VM. */
export const DEMO_VMS: readonly VmConfig[] = [
  {
    name: 'A',
    vcpus: 2,
    weight: 512,
    cap: 0,
    workload: 'busy',
  },
  {
    name: 'B',
    vcpus: 2,
    weight: 256,
    cap: 0,
    workload: 'busy',
  },
  {
    name: 'C',
    vcpus: 1,
    weight: 256,
    cap: 0,
    workload: INTERACTIVE,
  },
]

interface VCpu {
  id: string
  vm: number
  credit: number
  pri: Priority
  active: boolean
  parked: boolean
  /** 'running' | 'runnable' (on a runq) | 'blocked' (sleeping) | 'parked' (off runq because of cap) */
  state: 'running' | 'runnable' | 'blocked' | 'parked'
  pcpu: number
  burstLeft: number
  wakeAt: number
}

interface PCpu {
  runq: VCpu[]
  current: VCpu | null
  sliceLeft: number
  resched: boolean
}

function runqInsert(pc: PCpu, v: VCpu) {
  // After every vCPU of higher or equal priority (credit.c __runq_insert).
  let i = 0
  while (i < pc.runq.length && PRI_VALUE[pc.runq[i].pri] >= PRI_VALUE[v.pri]) i++
  pc.runq.splice(i, 0, v)
}

function runqRemove(pc: PCpu, v: VCpu) {
  const i = pc.runq.indexOf(v)
  if (i >= 0)
    pc.runq.splice(i, 1)
}

/** Stable sort: UNDER/BOOST ahead of OVER (credit.c csched_runq_sort). */
function runqSort(pc: PCpu) {
  pc.runq = pc.runq
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (PRI_VALUE[b.v.pri] - PRI_VALUE[a.v.pri]) || (a.i - b.i))
    .map(x => x.v)
}

export function simulateCredit(opts: SimOptions): SimResult {
  const k = Math.max(1, Math.floor(opts.pcpus))
  const T = Math.max(0, Math.floor(opts.durationMs))
  const sampleMs = Math.max(1, Math.floor(opts.sampleMs ?? 100))
  const boost = opts.boost ?? true
  const stealing = opts.workStealing ?? true
  const keepTrace = opts.trace ?? true
  const vms = opts.vms

  const pcpus: PCpu[] = Array.from({ length: k }, () => ({
    runq: [],
    current: null,
    sliceLeft: 0,
    resched: true,
  }))
  const vcpus: VCpu[] = []
  let rr = 0
  vms.forEach((vm, vi) => {
    for (let j = 0; j < Math.max(1, Math.floor(vm.vcpus)); j++) {
      const home = vm.home !== undefined
        ? Math.min(k - 1, Math.max(0, vm.home))
        : (rr++ % k)
      const v: VCpu = {
        id: `${vm.name}.${j}`,
        vm: vi,
        credit: 0,
        pri: 'UNDER',
        active: false,
        parked: false,
        state: 'runnable',
        pcpu: home,
        burstLeft: vm.workload === 'busy'
          ? Infinity
          : Math.max(1, vm.workload.periodic.runMs),
        wakeAt: 0,
      }
      vcpus.push(v)
      runqInsert(pcpus[home], v)
    }
  })

  const cpuMs = vms.map(() => 0)
  const stealMs = vms.map(() => 0)
  const windowMs = vms.map(() => 0)
  const series: SharePoint[] = []
  const trace: TraceSlot[] = []
  const events: SchedEvent[] = []
  let idleMs = 0
  let creditBalance = 0

  const nrRunnable = (pc: PCpu) => pc.runq.length + (pc.current ? 1 : 0)

  function tickle(v: VCpu, t: number) {
    const pc = pcpus[v.pcpu]
    const idlers = pcpus.some(p => p.current === null)
    if (pc.current === null) {
      pc.resched = true
    }
    else if (!idlers && PRI_VALUE[v.pri] > PRI_VALUE[pc.current.pri]) {
      events.push({
        t,
        kind: 'preempt',
        vcpu: v.id,
        pcpu: v.pcpu,
        pri: v.pri,
        victim: pc.current.id,
        victimPri: pc.current.pri,
      })
      pc.resched = true
    }
    // otherwise an idle pCPU will steal it at its next look (every step here).
  }

  function wake(v: VCpu, t: number, fromPark: boolean) {
    if (boost && !fromPark && v.pri === 'UNDER' && !v.parked)
      v.pri = 'BOOST'
    v.state = 'runnable'
    runqInsert(pcpus[v.pcpu], v)
    events.push({
      t,
      kind: fromPark ? 'unpark' : 'wake',
      vcpu: v.id,
      pcpu: v.pcpu,
      pri: v.pri,
    })
    tickle(v, t)
  }

  function accounting(t: number) {
    const active = vcpus.filter(v => v.active)
    const weightOf = (vi: number) => Math.max(1, vms[vi].weight)
    const weightTotal = active.reduce((s, v) => s + weightOf(v.vm), 0)
    let creditTotal = CREDITS_PER_TSLICE * k
    if (creditBalance < 0)
      creditTotal -= creditBalance
    if (weightTotal === 0) {
      creditBalance = 0
      return
    }
    let weightLeft = weightTotal
    let balance = 0
    // Domains in order of first appearance (credit.c keeps a list; order only matters for leftovers).
    const doms = [
      ...new Set(active.map(v => v.vm)),
    ]
    for (const d of doms) {
      const dv = active.filter(v => v.vm === d)
      const n = dv.length
      const w = weightOf(d)
      weightLeft -= w * n
      let creditPeak = n * CREDITS_PER_TSLICE
      if (creditBalance < 0)
        creditPeak += Math.floor((-creditBalance * w * n + weightTotal - 1) / weightTotal)
      let creditCap = 0
      const cap = vms[d].cap
      if (cap > 0) {
        creditCap = Math.floor((cap * CREDITS_PER_TSLICE + 99) / 100)
        if (creditCap < creditPeak)
          creditPeak = creditCap
        creditCap = Math.floor((creditCap + n - 1) / n)
      }
      let creditFair = Math.floor((creditTotal * w * n + weightTotal - 1) / weightTotal)
      if (creditFair >= creditPeak) {
        if (weightLeft !== 0)
          creditTotal += Math.floor(((creditFair - creditPeak) * weightTotal + weightLeft - 1) / weightLeft)
        creditFair = creditPeak
      }
      creditFair = Math.floor((creditFair + n - 1) / n)
      for (const v of dv) {
        v.credit += creditFair
        if (v.credit < 0) {
          v.pri = 'OVER'
          if (cap > 0 && v.credit < -creditCap && !v.parked) {
            v.parked = true
            events.push({
              t,
              kind: 'park',
              vcpu: v.id,
              pcpu: v.pcpu,
              pri: v.pri,
            })
          }
          if (v.credit < -CREDITS_PER_TSLICE)
            v.credit = -CREDITS_PER_TSLICE
        }
        else {
          v.pri = 'UNDER'
          if (v.parked)
            v.parked = false // unparked below, once timestamps are known
          if (v.credit > CREDITS_PER_TSLICE) {
            v.active = false
            v.credit = Math.trunc(v.credit / 2)
          }
        }
        balance += v.credit
      }
    }
    creditBalance = balance
  }

  for (let t = 0; t < T; t++) {
    // 1. Tick (every 10 ms) and accounting (every 30 ms).
    if (t > 0 && t % TICK_MS === 0) {
      for (const pc of pcpus) {
        const v = pc.current
        if (!v)
          continue
        if (v.pri === 'BOOST')
          v.pri = 'UNDER'
        if (!v.active)
          v.active = true
      }
      if (t % TSLICE_MS === 0) {
        const parkedBefore = new Set(vcpus.filter(v => v.parked))
        accounting(t)
        for (const v of vcpus) {
          if (v.parked && !parkedBefore.has(v)) {
            // Pause: take it off its pCPU / run queue.
            const pc = pcpus[v.pcpu]
            if (pc.current === v) {
              pc.current = null
              pc.resched = true
            }
            else if (v.state === 'runnable') {
              runqRemove(pc, v)
            }
            if (v.state !== 'blocked')
              v.state = 'parked'
          }
          else if (!v.parked && parkedBefore.has(v) && v.state === 'parked') {
            wake(v, t, true)
          }
        }
        for (const pc of pcpus)
          runqSort(pc)
      }
    }

    // 2. Wake-ups of sleeping (periodic) vCPUs.
    for (const v of vcpus) {
      if (v.state === 'blocked' && v.wakeAt <= t) {
        const wl = vms[v.vm].workload
        v.burstLeft = wl === 'busy'
          ? Infinity
          : Math.max(1, wl.periodic.runMs)
        if (v.parked)
          v.state = 'parked'
        else
          wake(v, t, false)
      }
    }

    // 3. Scheduling decisions.
    for (let p = 0; p < k; p++) {
      const pc = pcpus[p]
      if (pc.current && pc.sliceLeft <= 0)
        pc.resched = true
      if (!pc.resched && pc.current)
        continue
      const prev = pc.current
      if (prev) {
        prev.state = 'runnable'
        runqInsert(pc, prev)
        pc.current = null
      }
      let next: VCpu | null = pc.runq[0] ?? null
      const nextPri = next ? PRI_VALUE[next.pri] : PRI_VALUE.IDLE
      if (stealing && nextPri <= PRI_VALUE.OVER) {
        // csched_load_balance: look at busy peers with more than one runnable vCPU.
        for (let d = 1; d < k; d++) {
          const q = (p + d) % k
          const peer = pcpus[q]
          if (peer.current === null || nrRunnable(peer) <= 1)
            continue
          const cand = peer.runq.find(v => PRI_VALUE[v.pri] > nextPri)
          if (cand) {
            runqRemove(peer, cand)
            cand.pcpu = p
            events.push({
              t,
              kind: 'steal',
              vcpu: cand.id,
              pcpu: p,
              pri: cand.pri,
              from: q,
            })
            next = cand
            break
          }
        }
      }
      if (next) {
        runqRemove(pc, next)
        next.state = 'running'
        next.pcpu = p
        pc.current = next
        pc.sliceLeft = TSLICE_MS
      }
      pc.resched = false
    }

    // Steal time as a Guest sees it: a vCPU ready to run that waits on a run queue for a pCPU.
    for (const v of vcpus) {
      if (v.state === 'runnable')
        stealMs[v.vm]++
    }

    // 4. Run one ms.
    for (let p = 0; p < k; p++) {
      const pc = pcpus[p]
      const v = pc.current
      if (keepTrace) {
        trace.push({
          t,
          pcpu: p,
          vcpu: v ? v.id : null,
          vm: v ? v.vm : null,
          pri: v ? v.pri : 'IDLE',
        })
      }
      if (!v) {
        idleMs++
        continue
      }
      v.credit -= CREDITS_PER_MSEC
      cpuMs[v.vm]++
      windowMs[v.vm]++
      pc.sliceLeft--
      v.burstLeft--
      if (v.burstLeft <= 0) {
        const wl = vms[v.vm].workload
        const sleep = wl === 'busy'
          ? 0
          : Math.max(0, wl.periodic.sleepMs)
        v.state = 'blocked'
        v.wakeAt = t + 1 + sleep
        pc.current = null
        pc.resched = true
        events.push({
          t: t + 1,
          kind: 'block',
          vcpu: v.id,
          pcpu: p,
          pri: v.pri,
        })
      }
      else if (pc.sliceLeft <= 0) {
        pc.resched = true
      }
    }

    // 5. Samples.
    if ((t + 1) % sampleMs === 0 || t + 1 === T) {
      const end = t + 1
      const width = end - (series.length
        ? series[series.length - 1].t
        : 0)
      series.push({
        t: end,
        window: windowMs.map(ms => ms / width),
        cumulative: cpuMs.map(ms => ms / end),
      })
      windowMs.fill(0)
    }
  }

  const totals: VmTotal[] = vms.map((vm, i) => ({
    name: vm.name,
    cpuMs: cpuMs[i],
    stealMs: stealMs[i],
    pcpuShare: T
      ? cpuMs[i] / T
      : 0,
    machineShare: T
      ? cpuMs[i] / (T * k)
      : 0,
  }))
  return {
    series,
    totals,
    idleMs,
    trace,
    events,
  }
}
