import { describe, expect, it } from 'vitest'
import { boundaryIndex, sharedLayers, STACKS } from './hypervisorStacks'

const stack = (id: string) => STACKS.find(s => s.id === id)!

describe('hypervisor stacks', () => {
  it('shows the four stacks Type 1, Type 2, containers and microVM', () => {
    expect(STACKS.map(s => s.id)).toEqual([
      'type1',
      'type2',
      'container',
      'microvm',
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

  it('gives every tenant its own guest kernel under Type 1, Type 2 and microVM', () => {
    for (const id of ['type1', 'type2', 'microvm']) {
      const gk = stack(id).layers.filter(l => l.kind === 'guest-kernel')
      expect(gk).toHaveLength(1)
      expect(gk[0].shared).toBe(false)
    }
  })

  it('runs Type 2 hypervisors on a host OS and Type 1 directly on the hardware', () => {
    expect(stack('type2').layers[1].kind).toBe('host-os')
    expect(stack('type1').layers[1].kind).toBe('hypervisor')
  })

  it('gives each microVM its own minimal VMM on a shared host kernel with KVM', () => {
    const m = stack('microvm')
    expect(m.layers.find(l => l.kind === 'vmm')?.shared).toBe(false)
    expect(m.layers.find(l => l.kind === 'host-kernel')?.shared).toBe(true)
    expect(m.examples).toContain('Firecracker')
  })

  it('puts the isolation boundary on a layer of the stack, with shared layers below and per-tenant layers above', () => {
    for (const s of STACKS) {
      const b = boundaryIndex(s)
      expect(b).toBeGreaterThanOrEqual(0)
      s.layers.forEach((l, i) => expect(l.shared).toBe(i <= b))
    }
  })
})
