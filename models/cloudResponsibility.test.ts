import { describe, expect, it } from 'vitest'
import { DEPLOYMENT_MODELS, ESSENTIAL_CHARACTERISTICS, LAYERS, manager, NIST_NO_CONTROL, NIST_SERVICE_MODELS, SERVICE_MODELS } from './cloudResponsibility'

// NIST SP 800-145 (Mell & Grance 2011, cite id 'mell2011').
const ids = (pred: (l: string) => boolean) => LAYERS.map(l => l.id).filter(pred)

describe('nIST SP 800-145 counts', () => {
  it('has exactly 5 essential characteristics, 3 service models and 4 deployment models', () => {
    expect(ESSENTIAL_CHARACTERISTICS).toHaveLength(5)
    expect(NIST_SERVICE_MODELS.map(m => m.label)).toEqual(['IaaS', 'PaaS', 'SaaS'])
    expect(DEPLOYMENT_MODELS).toHaveLength(4)
    expect(ESSENTIAL_CHARACTERISTICS.map(c => c.english)).toEqual([
      'On-demand self-service',
      'Broad network access',
      'Resource pooling',
      'Rapid elasticity',
      'Measured service',
    ])
  })

  it('says in every service model that the consumer does not manage the underlying infrastructure', () => {
    for (const m of NIST_SERVICE_MODELS)
      expect(m.nist).toContain(NIST_NO_CONTROL)
  })
})

describe('responsibility matrix', () => {
  it('uses the common 9-layer split', () => {
    expect(LAYERS.map(l => l.label)).toEqual([
      '数据',
      '应用',
      '运行时',
      '中间件',
      '操作系统',
      '虚拟化',
      '服务器',
      '存储',
      '网络',
    ])
  })

  it('leaves everything to the customer on premises', () => {
    for (const l of LAYERS)
      expect(manager('onprem', l.id)).toBe('customer')
  })

  it('iaaS: customer controls the OS and above, not virtualization, servers, storage or network', () => {
    const iaas = SERVICE_MODELS.find(m => m.id === 'iaas')!
    expect(iaas.nist).toContain('has control over operating systems, storage, and deployed applications')
    expect(ids(l => manager('iaas', l) === 'customer')).toEqual([
      'data',
      'apps',
      'runtime',
      'middleware',
      'os',
    ])
    for (const l of [
      'virtualization',
      'servers',
      'storage',
      'network',
    ])
      expect(manager('iaas', l)).toBe('provider')
  })

  it('paaS: customer controls its applications and data only', () => {
    const paas = SERVICE_MODELS.find(m => m.id === 'paas')!
    expect(paas.nist).toContain('network, servers, operating systems, or storage, but has control over the deployed applications')
    expect(ids(l => manager('paas', l) === 'customer')).toEqual(['data', 'apps'])
  })

  it('saaS: the provider manages every layer, the customer keeps only its data / user configuration', () => {
    const saas = SERVICE_MODELS.find(m => m.id === 'saas')!
    expect(saas.nist).toContain('or even individual application capabilities, with the possible exception of limited user-specific application configuration settings')
    expect(ids(l => manager('saas', l) === 'customer')).toEqual(['data'])
    expect(manager('saas', 'apps')).toBe('provider')
  })

  it('moves responsibility monotonically from customer to provider: on-prem ⊇ IaaS ⊇ PaaS ⊇ SaaS', () => {
    const order = ['onprem', 'iaas', 'paas', 'saas'] as const
    for (let i = 1; i < order.length; i++) {
      for (const l of LAYERS) {
        if (manager(order[i], l.id) === 'customer')
          expect(manager(order[i - 1], l.id)).toBe('customer')
      }
    }
  })
})
