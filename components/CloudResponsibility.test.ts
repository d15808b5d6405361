import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { LAYERS, manager, SERVICE_MODELS } from '../models/cloudResponsibility'
import CloudResponsibility from './CloudResponsibility.vue'

describe('<CloudResponsibility />', () => {
  it('draws the 9 × 4 matrix exactly as the model says', () => {
    const w = mount(CloudResponsibility)
    expect(w.findAll('td')).toHaveLength(LAYERS.length * SERVICE_MODELS.length)
    for (const m of SERVICE_MODELS) {
      for (const l of LAYERS) {
        const cell = w.find(`[data-cell="${m.id}-${l.id}"]`)
        expect(cell.classes()).toContain(manager(m.id, l.id))
        expect(cell.text()).toContain(manager(m.id, l.id) === 'customer'
          ? '客户'
          : '云服务商')
      }
    }
    expect(w.findAll('.cr-chip')).toHaveLength(5)
  })

  it('in compact form keeps the matrix and the summary but drops the NIST quote and the strip', () => {
    const w = mount(CloudResponsibility, {
      props: { compact: true },
    })
    expect(w.findAll('td')).toHaveLength(LAYERS.length * SERVICE_MODELS.length)
    expect(w.find('[data-test="def-title"]').text()).toContain('IaaS')
    expect(w.find('[data-test="nist"]').exists()).toBe(false)
    expect(w.findAll('.cr-chip')).toHaveLength(0)
    expect(w.find('.cr-notes').exists()).toBe(false)
    // without the strip, the reset button still has its place
    expect(w.find('[data-testid="model-reset"]').exists()).toBe(true)
  })

  it('shows the NIST definition of the column whose header button gets focus', async () => {
    const w = mount(CloudResponsibility)
    expect(w.find('[data-test="def-title"]').text()).toContain('IaaS')
    expect(w.find('[data-test="nist"]').text()).toContain('control over operating systems, storage, and deployed applications')
    await w.find('button[data-model="paas"]').trigger('focus')
    expect(w.find('[data-test="def-title"]').text()).toContain('PaaS')
    expect(w.find('[data-test="nist"]').text()).toContain('possibly configuration settings for the application-hosting environment')
    expect(w.find('button[data-model="paas"]').attributes('aria-pressed')).toBe('true')
    expect(w.findAll('td.on').every(td => td.attributes('data-cell')!.startsWith('paas-'))).toBe(true)
  })

  it('follows the mouse over a column and falls back to the selected one on leave', async () => {
    const w = mount(CloudResponsibility)
    await w.find('[data-cell="saas-os"]').trigger('mouseenter')
    expect(w.find('[data-test="def-title"]').text()).toContain('SaaS')
    expect(w.find('[data-test="nist"]').text()).toContain('limited user-specific application configuration settings')
    await w.find('table').trigger('mouseleave')
    expect(w.find('[data-test="def-title"]').text()).toContain('IaaS')
  })
})
