import { mount } from '@vue/test-utils'
import { injectionRenderContext } from 'slidev-addon-lectern/client/useRenderContext.ts'
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { STACKS } from '../models/hypervisorStacks'
import HypervisorStacks from './HypervisorStacks.vue'

const sharedCount = STACKS.reduce((n, s) => n + s.layers.filter(l => l.shared).length, 0)

describe('<HypervisorStacks />', () => {
  it('draws four stacks, one box per shared layer and one per tenant for the others', () => {
    const w = mount(HypervisorStacks)
    expect(w.findAll('section.hs-col')).toHaveLength(4)
    const perTenant = STACKS.reduce((n, s) => n + s.layers.filter(l => !l.shared).length, 0)
    expect(w.findAll('.hs-box')).toHaveLength(sharedCount + 2 * perTenant)
    expect(w.text()).toContain('Firecracker')
    expect(w.find('.is-shared').exists()).toBe(false)
    expect(w.find('.hs-boundary').exists()).toBe(false)
  })

  it('highlights exactly the shared layers when 共享部分 is ticked', async () => {
    const w = mount(HypervisorStacks)
    await w.find('input[aria-label="共享部分"]').setValue(true)
    expect(w.findAll('.is-shared')).toHaveLength(sharedCount)
    const container = w.find('[data-stack="container"]')
    expect(container.find('[data-layer="hk"] .hs-box').classes()).toContain('is-shared')
    const kvm = w.find('[data-stack="kvm"]')
    expect(kvm.find('[data-layer="hk"] .hs-box').classes()).toContain('is-shared')
    expect(kvm.find('[data-layer="vmm"] .is-shared').exists()).toBe(false)
    expect(kvm.find('[data-layer="gk"] .is-shared').exists()).toBe(false)
  })

  it('draws the dashed boundary right above the model\'s boundary layer when 隔离边界 is ticked', async () => {
    const w = mount(HypervisorStacks)
    await w.find('input[aria-label="隔离边界"]').setValue(true)
    for (const s of STACKS) {
      const b = w.find(`[data-boundary="${s.id}"]`)
      expect(b.exists()).toBe(true)
      expect(b.element.previousElementSibling?.getAttribute('data-layer')).toBe(s.boundaryAbove)
    }
    expect(w.text()).toContain('namespaces + cgroups')
  })

  it('shows the finished picture (both overlays) in overview and print', () => {
    const w = mount(HypervisorStacks, {
      global: {
        provide: {
          [injectionRenderContext]: ref('overview'),
        },
      },
    })
    expect(w.findAll('.is-shared')).toHaveLength(sharedCount)
    expect(w.findAll('.hs-boundary')).toHaveLength(4)
    // Each tenant's own layer is drawn once, split in the two tenants' colours, and named once.
    const ownLayers = STACKS.flatMap(s => s.layers.filter(l => !l.shared))
    expect(w.findAll('.hs-pair')).toHaveLength(ownLayers.length)
    expect(w.findAll('.tenant-a.hs-box')).toHaveLength(0)
  })
})
