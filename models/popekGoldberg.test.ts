import type { Instruction, Isa } from './popekGoldberg'
import { describe, expect, it } from 'vitest'
import { isas, isClassicallyVirtualizable, modeOf, offending, steps, toyInstructions, x86Instructions } from './popekGoldberg'

const byName = (list: Instruction[], name: string) => list.find(i => i.name === name)!

describe('popek & Goldberg 1974, Theorem 1', () => {
  it('an ISA whose sensitive instructions are all privileged is classically virtualizable', () => {
    const isa: Isa = {
      id: 'toy',
      name: 't',
      instructions: toyInstructions,
      withVtx: false,
    }
    expect(toyInstructions.some(i => i.sensitive)).toBe(true)
    expect(isClassicallyVirtualizable(isa)).toBe(true)
    expect(offending(isa)).toEqual([])
  })

  it('adding one sensitive, unprivileged instruction breaks it, and that instruction is named', () => {
    const readMode: Instruction = {
      name: 'READMODE',
      privileged: false,
      sensitive: true,
      sensitivity: 'behaviour',
      note: '读当前模式位',
    }
    const isa: Isa = {
      id: 'toy',
      name: 't',
      instructions: [...toyInstructions, readMode],
      withVtx: false,
    }
    expect(isClassicallyVirtualizable(isa)).toBe(false)
    expect(offending(isa).map(i => i.name)).toEqual(['READMODE'])
  })

  it('an ISA with no sensitive instructions at all is trivially virtualizable; unprivileged non-sensitive ones never offend', () => {
    const plain = toyInstructions.filter(i => !i.sensitive)
    expect(isClassicallyVirtualizable({
      id: 'toy',
      name: 't',
      instructions: plain,
      withVtx: false,
    })).toBe(true)
  })
})

describe('x86 (Robin & Irvine 2000)', () => {
  it('x86 without VT-x is flagged with exactly POPF, SGDT, SIDT, SMSW among these cases', () => {
    expect(isClassicallyVirtualizable(isas.x86)).toBe(false)
    expect(offending(isas.x86).map(i => i.name)).toEqual(['POPF', 'SGDT', 'SIDT', 'SMSW'])
  })

  it('on x86, MOV to CR3, HLT and CLI are privileged and trap', () => {
    for (const name of ['MOV CR3', 'HLT', 'CLI']) {
      const i = byName(x86Instructions, name)
      expect(i.sensitive && i.privileged).toBe(true)
    }
  })

  it('with VT-x the same instructions are virtualizable', () => {
    expect(isClassicallyVirtualizable(isas['x86-vtx'])).toBe(true)
    expect(offending(isas['x86-vtx'])).toEqual([])
  })
})

describe('step model: guest → VMM → guest', () => {
  it('trap-and-emulate: a privileged instruction traps, the VMM emulates, the guest resumes with the right result', () => {
    const s = steps(byName(toyInstructions, 'SETBASE'), 'trap-and-emulate')
    expect(s.map(x => x.stage)).toEqual(['guest', 'vmm', 'vmm', 'resume'])
    expect(s.map(x => x.title)).toEqual([
      '执行 SETBASE',
      '陷入 Hypervisor',
      'Hypervisor 模拟',
      '返回 Guest',
    ])
    expect(s.at(-1)!.outcome).toBe('correct')
  })

  it('x86 without VT-x: POPF does not trap and the IF change is lost silently (the VMM is never involved)', () => {
    const s = steps(byName(x86Instructions, 'POPF'), 'x86-no-vtx')
    expect(s.some(x => x.stage === 'vmm')).toBe(false)
    expect(s.at(-1)!.outcome).toBe('wrong')
    expect(s.at(-1)!.detail).toContain('IF')
  })

  it('with VT-x, HLT causes VM exit → VMM emulates → VM entry', () => {
    const s = steps(byName(x86Instructions, 'HLT'), 'vtx')
    expect(s.map(x => x.title)).toEqual([
      '执行 HLT',
      'VM exit',
      'Hypervisor 模拟',
      'VM entry',
    ])
    expect(s.at(-1)!.outcome).toBe('correct')
  })

  it('with VT-x, POPF needs no exit, because it now changes the guest\'s own IF in non-root ring 0', () => {
    const s = steps(byName(x86Instructions, 'POPF'), 'vtx')
    expect(s.some(x => x.stage === 'vmm')).toBe(false)
    expect(s.at(-1)!.outcome).toBe('correct')
  })

  it('the ISA toggle picks the step mode', () => {
    expect(modeOf(isas.toy)).toBe('trap-and-emulate')
    expect(modeOf(isas.x86)).toBe('x86-no-vtx')
    expect(modeOf(isas['x86-vtx'])).toBe('vtx')
  })
})
