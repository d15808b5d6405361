/**
 * Pre-copy live migration (systematised by Clark et al., NSDI 2005) as a round-by-round model,
 * with QEMU's and Xen's (current and legacy) stop rules, auto-converge, and the stop-and-copy / post-copy alternatives.
 *
 * Units, on purpose as in facts.md's worked example:
 * - memory sizes in MiB (2^20 bytes),
 * - bandwidth B and dirty rate D in MB/s (10^6 bytes per second, as network links are quoted).
 * A round that sends `s` MiB takes s·2^20 / (B·10^6) seconds and meanwhile the guest dirties
 * D·t MB = λ·s MiB (λ = D/B, the units cancel), capped at the whole memory M.
 *
 * Simplifications (documented so a slide does not over-claim):
 * - the dirty rate is uniform (a page dirtied twice counts twice, up to M in total per round), plus an
 *   optional writable working set W: hot pages rewritten faster than any round lasts, so at least W MiB
 *   is dirty at the end of every round. λ < 1 is then not enough: W must also fit under QEMU's
 *   B × downtime-limit threshold (Clark et al. §3: the WWS is what the last round must carry);
 * - auto-converge raises the throttle once per round in which more bytes were dirtied than 50 % of the bytes
 *   sent (QEMU's throttle-trigger-threshold); QEMU itself waits for two such periods in a row;
 *   a throttle t scales the guest's dirty rate by (1 − t);
 * - downtime is only the transfer of what remains at switch-over (no device state, no resume time).
 */

export const BYTES_PER_MIB = 1024 * 1024
export const BYTES_PER_MB = 1_000_000
/** 4 KiB pages, the unit of Xen's "fewer than 50 pages dirtied" rule. */
export const PAGE_MIB = 4 / 1024

/** QEMU defaults (QEMU migration parameters). */
export const QEMU_DEFAULTS = {
  /** downtime-limit: 300 ms (older releases: 30 ms). */
  downtimeLimitMs: 300,
  /** cpu-throttle-initial: 20 %. */
  throttleInitial: 0.2,
  /** cpu-throttle-increment: 10 % per step. */
  throttleIncrement: 0.1,
  /** max-cpu-throttle: 99 %. */
  throttleMax: 0.99,
  /** throttle-trigger-threshold: dirtied > 50 % of sent in a period. */
  throttleTrigger: 0.5,
} as const

/**
 * Xen's stop rules for the iterative phase.
 * Current (migration v2, Xen 4.6+, tools/libs/guest/xg_sr_save.c `simple_precopy_policy`):
 * stop when fewer than SPP_TARGET_DIRTY_COUNT = 50 pages are dirty or after SPP_MAX_ITERATIONS = 5
 * iterations; no cap on the data sent.
 */
export const XEN_RULES = {
  maxIterations: 5,
  minDirtyPages: 50,
  maxSentFactor: Infinity,
} as const

/** Legacy Xen (xc_domain_save.c, Xen ≤ 4.5): 29 iterations, < 50 pages, or more than 3·M sent. */
export const XEN_LEGACY_RULES = {
  maxIterations: 29,
  minDirtyPages: 50,
  maxSentFactor: 3,
} as const

/** 'xen' is today's migration v2; 'xen-legacy' the pre-4.6 xc_domain_save rules. */
export type RuleSet = 'qemu' | 'xen' | 'xen-legacy'
export type Cap = 'rounds' | 'data'
export type Verdict = 'converges' | 'stopped-by-cap' | 'never-converges'

export interface MigrationInput {
  /** Guest memory M in MiB. */
  memoryMiB: number
  /** Link bandwidth B in MB/s (10^6 bytes/s). */
  bandwidthMBps: number
  /** Guest dirty rate D in MB/s. */
  dirtyRateMBps: number
  /** Writable working set W in MiB: always dirty at the end of a round; default 0. */
  wwsMiB?: number
  /** QEMU downtime-limit in ms; default 300. */
  downtimeLimitMs?: number
  /** Cap on pre-copy rounds; Xen adds its own (5, legacy 29). Undefined: no cap. */
  maxRounds?: number
  /** Cap on the data sent during pre-copy, in MiB; legacy Xen adds its own 3·M. Undefined: no cap. */
  maxDataMiB?: number
  /** Switch-over rule set; default 'qemu'. */
  rules?: RuleSet
  /** QEMU auto-converge (vCPU throttling); default false. */
  autoConverge?: boolean
  /** How many rounds to show before declaring a migration that never converges; default 10. */
  roundsShownIfNeverConverges?: number
}

export interface RoundRow {
  /** 0, 1, 2, … for pre-copy rounds; the stop-and-copy row continues the numbering. */
  round: number
  phase: 'pre-copy' | 'stop-and-copy'
  /** What this round sends, MiB. */
  sentMiB: number
  durationS: number
  /** What the guest dirtied meanwhile (0 in stop-and-copy: the guest is paused), MiB. */
  dirtiedMiB: number
  /** vCPU throttle in force during the round, 0…0.99. */
  throttle: number
}

export interface MigrationResult {
  /** λ = D / B, before throttling. */
  lambda: number
  /** Remaining dirty memory at or under which QEMU switches over: B × downtime limit, in MiB. */
  thresholdMiB: number
  rows: RoundRow[]
  /** Time of the iterative (live) phase, s. Infinity when it never converges. */
  precopyTimeS: number
  /** precopy + stop-and-copy, s. */
  totalTimeS: number
  totalDataMiB: number
  downtimeS: number
  verdict: Verdict
  /** Which cap stopped the migration, when verdict is 'stopped-by-cap'. */
  cap?: Cap
  /** Highest throttle reached (auto-converge). */
  maxThrottle: number
}

/** Seconds to send `mib` MiB at `mbps` MB/s. */
export function transferSeconds(mib: number, mbps: number): number {
  return (mib * BYTES_PER_MIB) / (mbps * BYTES_PER_MB)
}

/** MiB sent in `seconds` at `mbps` MB/s. */
export function mibIn(seconds: number, mbps: number): number {
  return (seconds * mbps * BYTES_PER_MB) / BYTES_PER_MIB
}

const HARD_ROUND_LIMIT = 10_000

/** Simulate iterative pre-copy followed by stop-and-copy. */
export function simulatePrecopy(input: MigrationInput): MigrationResult {
  const M = input.memoryMiB
  const B = input.bandwidthMBps
  const D = input.dirtyRateMBps
  const rules = input.rules ?? 'qemu'
  const limitMs = input.downtimeLimitMs ?? QEMU_DEFAULTS.downtimeLimitMs
  const lambda = D / B
  const thresholdMiB = mibIn(limitMs / 1000, B)
  const shown = input.roundsShownIfNeverConverges ?? 10
  const wws = Math.min(M, input.wwsMiB ?? 0)

  let maxRounds = input.maxRounds ?? Infinity
  let maxData = input.maxDataMiB ?? Infinity
  const xen = rules === 'xen'
    ? XEN_RULES
    : rules === 'xen-legacy'
      ? XEN_LEGACY_RULES
      : undefined
  if (xen) {
    maxRounds = Math.min(maxRounds, xen.maxIterations)
    maxData = Math.min(maxData, xen.maxSentFactor * M)
  }

  const rows: RoundRow[] = []
  let toSend = M
  let sentTotal = 0
  let throttle = 0
  let maxThrottle = 0
  let verdict: Verdict | undefined
  let cap: Cap | undefined

  for (let round = 0; round < HARD_ROUND_LIMIT; round++) {
    const durationS = transferSeconds(toSend, B)
    const dirtiedMiB = Math.min(M, Math.max(wws, mibIn(durationS, D * (1 - throttle))))
    rows.push({
      round,
      phase: 'pre-copy',
      sentMiB: toSend,
      durationS,
      dirtiedMiB,
      throttle,
    })
    sentTotal += toSend

    const done = xen
      ? dirtiedMiB < xen.minDirtyPages * PAGE_MIB
      : dirtiedMiB <= thresholdMiB
    if (done) {
      verdict = 'converges'
    }
    else if (round + 1 >= maxRounds) {
      verdict = 'stopped-by-cap'
      cap = 'rounds'
    }
    else if (sentTotal > maxData) {
      verdict = 'stopped-by-cap'
      cap = 'data'
    }
    else if (input.autoConverge && dirtiedMiB > QEMU_DEFAULTS.throttleTrigger * toSend && throttle < QEMU_DEFAULTS.throttleMax) {
      // auto-converge: start at 20 %, then +10 % each time the guest still out-dirties the link
      throttle = throttle === 0
        ? QEMU_DEFAULTS.throttleInitial
        : Math.min(QEMU_DEFAULTS.throttleMax, throttle + QEMU_DEFAULTS.throttleIncrement)
      throttle = Math.round(throttle * 100) / 100
      maxThrottle = Math.max(maxThrottle, throttle)
    }
    else if (dirtiedMiB >= toSend && rows.length >= shown && maxRounds === Infinity && maxData === Infinity) {
      // the remaining set no longer shrinks and no cap will ever stop it
      verdict = 'never-converges'
    }
    toSend = dirtiedMiB
    if (verdict)
      break
  }
  if (!verdict)
    verdict = 'never-converges'

  if (verdict === 'never-converges') {
    return {
      lambda,
      thresholdMiB,
      rows,
      precopyTimeS: Infinity,
      totalTimeS: Infinity,
      totalDataMiB: Infinity,
      downtimeS: Infinity,
      verdict,
      maxThrottle,
    }
  }

  const precopyTimeS = rows.reduce((t, r) => t + r.durationS, 0)
  const downtimeS = transferSeconds(toSend, B)
  rows.push({
    round: rows.length,
    phase: 'stop-and-copy',
    sentMiB: toSend,
    durationS: downtimeS,
    dirtiedMiB: 0,
    throttle: 0,
  })
  return {
    lambda,
    thresholdMiB,
    rows,
    precopyTimeS,
    totalTimeS: precopyTimeS + downtimeS,
    totalDataMiB: sentTotal + toSend,
    downtimeS,
    verdict,
    cap,
    maxThrottle,
  }
}

export interface Alternative {
  name: 'stop-and-copy' | 'post-copy'
  downtimeS: number
  totalTimeS: number
  totalDataMiB: number
  note: string
}

/** Stop the guest, copy all of memory, resume on the target: downtime = total time = M/B. */
export function stopAndCopy(memoryMiB: number, bandwidthMBps: number): Alternative {
  const t = transferSeconds(memoryMiB, bandwidthMBps)
  return {
    name: 'stop-and-copy',
    downtimeS: t,
    totalTimeS: t,
    totalDataMiB: memoryMiB,
    note: '整个迁移期间虚拟机都停着',
  }
}

/**
 * Post-copy (Hines & Gopalan, VEE 2009): move CPU and device state first, resume on the target at once,
 * then pull memory; every page is sent exactly once (total ≈ M/B). QEMU's docs: during post-copy a failure of
 * either side loses the guest; a broken network link can be recovered (postcopy recovery).
 * Downtime is only the CPU/device state (`stateMiB`, default 0 here: the model has no number for it).
 */
export function postCopy(memoryMiB: number, bandwidthMBps: number, stateMiB = 0): Alternative {
  return {
    name: 'post-copy',
    downtimeS: transferSeconds(stateMiB, bandwidthMBps),
    totalTimeS: transferSeconds(memoryMiB + stateMiB, bandwidthMBps),
    totalDataMiB: memoryMiB + stateMiB,
    note: '远程缺页，vCPU 要等网络往返；途中源端或目标端任一宕机，虚拟机就丢了（断网可恢复）',
  }
}
