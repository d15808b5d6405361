import { describe, expect, it } from 'vitest'
import { boundaryIndex, sharedLayers, STACKS } from './hypervisorStacks'

const stack = (id: string) => STACKS.find(s => s.id === id)!

describe('hypervisor stacks', () => {
  it('shows the four stacks Type 1, Type 2, KVM with a user-space VMM, and containers', () => {
    expect(STACKS.map(s => s.id)).toEqual([
      'type1',
      'type2',
      'kvm',
      'container',
    ])
  })

  it('starts every stack with the hardware and ends it with the application', () => {
    for (const s of STACKS) {
      expect(s.layers[0].kind).toBe('hardware')
      expect(s.layers[s.layers.length - 1].kind).toBe('app')
    }
  })

  it('has containers share the host kernel, and no guest kernel', () => {
    const c = stack('container')
    expect(sharedLayers(c).some(l => l.kind === 'host-kernel')).toBe(true)
    expect(c.layers.some(l => l.kind === 'guest-kernel')).toBe(false)
  })

  it('gives every tenant its own guest kernel under Type 1, Type 2 and KVM', () => {
    for (const id of ['type1', 'type2', 'kvm']) {
      const gk = stack(id).layers.filter(l => l.kind === 'guest-kernel')
      expect(gk).toHaveLength(1)
      expect(gk[0].shared).toBe(false)
    }
  })

  it('runs Type 2 hypervisors on a host OS and Type 1 directly on the hardware', () => {
    expect(stack('type2').layers[1].kind).toBe('host-os')
    expect(stack('type1').layers[1].kind).toBe('hypervisor')
  })

  it('draws QEMU/KVM and Firecracker as one stack: a user-space VMM per VM on a shared host kernel with KVM (NSDI\'20)', () => {
    const k = stack('kvm')
    expect(k.layers.map(l => l.kind)).toEqual([
      'hardware',
      'host-kernel',
      'vmm',
      'guest-kernel',
      'app',
    ])
    expect(k.layers.find(l => l.kind === 'vmm')?.shared).toBe(false)
    expect(k.layers.find(l => l.kind === 'host-kernel')?.shared).toBe(true)
    expect(k.examples).toContain('QEMU')
    expect(k.examples).toContain('Firecracker')
    // No separate microVM stack: a microVM is this stack with a smaller VMM.
    expect(STACKS.filter(s => s.layers.some(l => l.kind === 'vmm'))).toEqual([k])
  })

  it('does not file KVM under Type 1 beside ESXi and Xen', () => {
    expect(stack('type1').examples).not.toContain('KVM')
  })

  it('puts the isolation boundary on a layer of the stack, with shared layers below and per-tenant layers above', () => {
    for (const s of STACKS) {
      const b = boundaryIndex(s)
      expect(b).toBeGreaterThanOrEqual(0)
      s.layers.forEach((l, i) => expect(l.shared).toBe(i <= b))
    }
  })
})
