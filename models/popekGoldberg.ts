/**
 * Popek & Goldberg (CACM 1974), Theorem 1: a VMM can be built by trap-and-emulate if every
 * sensitive instruction is privileged (traps when executed in user mode).
 *
 * Here an instruction set is a list of instructions with two flags. `isClassicallyVirtualizable`
 * checks the theorem's condition; `offending` names the sensitive-but-unprivileged instructions
 * (x86 before VT-x: POPF, SGDT, SIDT, SMSW among the cases listed below — Robin & Irvine 2000 list more;
 * this model does not claim a total count).
 *
 * VT-x: the guest kernel runs in VMX non-root mode at its own ring 0. A sensitive instruction is then either
 * (a) made to cause a VM exit by a VMCS control (HLT exiting, CR3-load exiting, descriptor-table exiting …), or
 * (b) harmless because it acts on the guest's own register state, which VM entry loads from the VMCS
 *     (POPF/CLI change the guest's IF; SMSW reads the CR0 read shadow).
 * Either way the VMM keeps control, so with `withVtx` every sensitive instruction counts as handled.
 */

export type Sensitivity = 'control' | 'behaviour' | 'none'

export interface VtxBehaviour {
  /** true: causes a VM exit in non-root mode (with the usual VMCS controls). */
  exits: boolean
  /** Exit reason or why no exit is needed. */
  note: string
}

export interface Instruction {
  name: string
  /** Traps when executed outside the most privileged mode. */
  privileged: boolean
  /** Control-sensitive (changes resources/mode) or behaviour-sensitive (result depends on them). */
  sensitive: boolean
  sensitivity: Sensitivity
  note: string
  /** What the VMM does when it emulates the instruction. */
  emulate?: string
  /** What goes wrong when it does not trap (sensitive, unprivileged). */
  silently?: string
  /** In VMX non-root mode. Default: exits iff privileged. */
  vtx?: VtxBehaviour
}

export type IsaId = 'toy' | 'x86' | 'x86-vtx'

export interface Isa {
  id: IsaId
  name: string
  instructions: Instruction[]
  /** Guest runs in VMX non-root mode. */
  withVtx: boolean
}

/** Does the VMM keep control of this instruction on this ISA? */
export function isHandled(instr: Instruction, withVtx: boolean): boolean {
  if (!instr.sensitive)
    return true
  if (instr.privileged)
    return true
  return withVtx
}

/** Theorem 1's condition: every sensitive instruction is privileged (or, with VT-x, handled in non-root mode). */
export function isClassicallyVirtualizable(isa: Isa): boolean {
  return offending(isa).length === 0
}

/** Sensitive instructions that would run without the VMM noticing. */
export function offending(isa: Isa): Instruction[] {
  return isa.instructions.filter(i => !isHandled(i, isa.withVtx))
}

/** A small ISA in the spirit of Popek & Goldberg's third-generation machine: every sensitive instruction is privileged. */
export const toyInstructions: Instruction[] = [
  {
    name: 'LOAD',
    privileged: false,
    sensitive: false,
    sensitivity: 'none',
    note: '从内存读到寄存器（经重定位寄存器）',
  },
  {
    name: 'ADD',
    privileged: false,
    sensitive: false,
    sensitivity: 'none',
    note: '寄存器算术',
  },
  {
    name: 'JMP',
    privileged: false,
    sensitive: false,
    sensitivity: 'none',
    note: '跳转',
  },
  {
    name: 'SETMODE',
    privileged: true,
    sensitive: true,
    sensitivity: 'control',
    note: '切换 supervisor / user 模式',
    emulate: '切换虚拟机的虚拟模式位',
  },
  {
    name: 'SETBASE',
    privileged: true,
    sensitive: true,
    sensitivity: 'control',
    note: '设置重定位（基址/界限）寄存器',
    emulate: '把虚拟基址叠加到分给该虚拟机的内存上',
  },
  {
    name: 'IO',
    privileged: true,
    sensitive: true,
    sensitivity: 'control',
    note: '访问设备',
    emulate: '转给虚拟设备',
  },
  {
    name: 'HALT',
    privileged: true,
    sensitive: true,
    sensitivity: 'control',
    note: '停机等待中断',
    emulate: '让出物理 CPU，调度别的虚拟机',
  },
]

/** x86 cases (32-bit protected mode, guest kernel deprivileged to ring 1 or 3). */
export const x86Instructions: Instruction[] = [
  {
    name: 'MOV',
    privileged: false,
    sensitive: false,
    sensitivity: 'none',
    note: '普通数据传送',
    vtx: { exits: false, note: '直接执行' },
  },
  {
    name: 'POPF',
    privileged: false,
    sensitive: true,
    sensitivity: 'control',
    note: '从栈恢复 EFLAGS（含中断标志 IF）；在用户态对 IF 的修改被静默忽略',
    silently: 'IF 没变（中断仍开着），CPU 不报错，Hypervisor 毫不知情',
    vtx: { exits: false, note: 'Guest 内核在 non-root ring 0，POPF 改的是 Guest 自己的 IF；物理中断照样 VM exit' },
  },
  {
    name: 'SGDT',
    privileged: false,
    sensitive: true,
    sensitivity: 'behaviour',
    note: '读 GDTR（用户态也可执行）',
    silently: 'Guest 读到的是 Hypervisor 的 GDT 地址，而不是自己的',
    vtx: { exits: false, note: 'GDTR 在 VM entry 时从 VMCS 载入，读到的是 Guest 自己的值（可选 descriptor-table exiting）' },
  },
  {
    name: 'SIDT',
    privileged: false,
    sensitive: true,
    sensitivity: 'behaviour',
    note: '读 IDTR（用户态也可执行）',
    silently: 'Guest 读到的是 Hypervisor 的 IDT 地址',
    vtx: { exits: false, note: 'IDTR 是 Guest 自己的（可选 descriptor-table exiting）' },
  },
  {
    name: 'SMSW',
    privileged: false,
    sensitive: true,
    sensitivity: 'behaviour',
    note: '读 CR0 低 16 位（用户态也可执行）',
    silently: 'Guest 看到真实 CR0 的位，能发现自己被降了特权',
    vtx: { exits: false, note: 'Hypervisor 掌管的位返回 CR0 read shadow 的值' },
  },
  {
    name: 'MOV CR3',
    privileged: true,
    sensitive: true,
    sensitivity: 'control',
    note: '切换页表根（仅 ring 0 可执行）',
    emulate: '换上与新 Guest 页表对应的影子页表',
    vtx: { exits: true, note: 'CR3-load exiting（影子页表需要；用 EPT 时可关掉）' },
  },
  {
    name: 'HLT',
    privileged: true,
    sensitive: true,
    sensitivity: 'control',
    note: '停机等待中断（仅 ring 0 可执行）',
    emulate: '把 vCPU 挂起，让出物理 CPU',
    vtx: { exits: true, note: 'HLT exiting' },
  },
  {
    name: 'CLI',
    privileged: true,
    sensitive: true,
    sensitivity: 'control',
    note: '关中断（需 CPL ≤ IOPL）',
    emulate: '清除 vCPU 的虚拟 IF 位',
    vtx: { exits: false, note: '改的是 Guest 自己的 IF，无需退出' },
  },
]

export const isas: Record<IsaId, Isa> = {
  'toy': {
    id: 'toy',
    name: '玩具 ISA',
    instructions: toyInstructions,
    withVtx: false,
  },
  'x86': {
    id: 'x86',
    name: 'x86 无 VT-x',
    instructions: x86Instructions,
    withVtx: false,
  },
  'x86-vtx': {
    id: 'x86-vtx',
    name: 'x86 + VT-x',
    instructions: x86Instructions,
    withVtx: true,
  },
}

export type StepMode = 'trap-and-emulate' | 'x86-no-vtx' | 'vtx'
/** Where the step happens in the guest → VMM → guest picture. */
export type Stage = 'guest' | 'vmm' | 'resume'

export interface Step {
  stage: Stage
  title: string
  detail: string
  /** Set on the last step: did the guest end up with the right result? */
  outcome?: 'correct' | 'wrong'
}

export function modeOf(isa: Isa): StepMode {
  return isa.withVtx
    ? 'vtx'
    : isa.id === 'toy'
      ? 'trap-and-emulate'
      : 'x86-no-vtx'
}

/** The sequence of steps when a guest kernel executes `instr` under `mode`. */
export function steps(instr: Instruction, mode: StepMode): Step[] {
  const who = mode === 'trap-and-emulate'
    ? 'Guest 内核（被降到用户态）'
    : mode === 'x86-no-vtx'
      ? 'Guest 内核（被降到 ring 1/3）'
      : 'Guest 内核（non-root 模式 ring 0）'
  const exec: Step = { stage: 'guest', title: `执行 ${instr.name}`, detail: `${who}执行 ${instr.name}：${instr.note}` }

  if (mode === 'vtx') {
    const vtx = instr.vtx ?? {
      exits: instr.privileged,
      note: instr.privileged ? 'VM exit' : '直接执行',
    }
    if (vtx.exits) {
      return [
        exec,
        { stage: 'vmm', title: 'VM exit', detail: `CPU 把 Guest 状态存入 VMCS，切到 root 模式：${vtx.note}` },
        { stage: 'vmm', title: 'Hypervisor 模拟', detail: instr.emulate ?? `Hypervisor 在虚拟状态上完成 ${instr.name}` },
        {
          stage: 'resume',
          title: 'VM entry',
          detail: '从 VMCS 恢复 Guest 状态，继续下一条指令',
          outcome: 'correct',
        },
      ]
    }
    return [
      exec,
      {
        stage: 'resume',
        title: '无需退出',
        detail: `${vtx.note}；结果正确`,
        outcome: 'correct',
      },
    ]
  }

  if (!instr.sensitive) {
    return [
      exec,
      {
        stage: 'resume',
        title: '直接执行',
        detail: '不敏感，在硬件上全速执行，Hypervisor 不介入',
        outcome: 'correct',
      },
    ]
  }
  if (instr.privileged) {
    return [
      exec,
      {
        stage: 'vmm',
        title: '陷入 Hypervisor',
        detail: mode === 'x86-no-vtx'
          ? '特权指令在 ring 0 之外执行 → #GP，控制权交给 Hypervisor'
          : '特权指令在用户态执行 → trap，控制权交给 Hypervisor',
      },
      { stage: 'vmm', title: 'Hypervisor 模拟', detail: instr.emulate ?? `Hypervisor 在虚拟状态上完成 ${instr.name}` },
      {
        stage: 'resume',
        title: '返回 Guest',
        detail: '跳过该指令，回到 Guest 继续执行；结果正确',
        outcome: 'correct',
      },
    ]
  }
  return [
    exec,
    { stage: 'guest', title: '没有陷入', detail: '敏感但非特权：CPU 按用户态语义执行，不通知 Hypervisor' },
    {
      stage: 'resume',
      title: '结果错误',
      detail: instr.silently ?? 'Guest 得到错误结果，Hypervisor 不知情',
      outcome: 'wrong',
    },
  ]
}
