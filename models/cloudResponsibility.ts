/**
 * Who manages which layer of the stack under 本地部署 / IaaS / PaaS / SaaS (the common 9-layer split),
 * plus the service-model definitions, essential characteristics and deployment models of
 * NIST SP 800-145 (Mell & Grance, Sep 2011; cite id 'mell2011').
 *
 * The shared-responsibility split itself is NOT in NIST SP 800-145: it comes from the providers (AWS's
 * Shared Responsibility Model, cite id 'aws-shared-responsibility') and the Cloud Security Alliance
 * ('csa-guidance'); NIST supplies only the service-model definitions quoted below.
 *
 * What the matrix models (a simplification of "shared responsibility"):
 * - a cell says who *manages/controls* the layer: the customer (客户) or the cloud provider (云服务商);
 * - IaaS: the customer controls the OS and everything above it (NIST: "control over operating systems,
 *   storage, and deployed applications"); virtualization, servers, storage hardware and network are the
 *   provider's. NIST's "possibly limited control of select networking components (e.g., host firewalls)"
 *   is kept as a note on the 网络 cell, not as customer control;
 * - PaaS: the customer controls its applications and data only (NIST: "control over the deployed
 *   applications and possibly configuration settings for the application-hosting environment");
 * - SaaS: the provider manages every layer, including the application; the customer keeps only its own
 *   data and "limited user-specific application configuration settings" (NIST) — modelled as the 数据
 *   row staying with the customer;
 * - 本地部署 (on-premises): the customer manages everything.
 */

export type ServiceModelId = 'onprem' | 'iaas' | 'paas' | 'saas'
export type Manager = 'customer' | 'provider'

export interface Layer {
  id: string
  label: string
  english: string
}

/** Top of the stack first. */
export const LAYERS: Layer[] = [
  { id: 'data', label: '数据', english: 'Data' },
  { id: 'apps', label: '应用', english: 'Applications' },
  { id: 'runtime', label: '运行时', english: 'Runtime' },
  { id: 'middleware', label: '中间件', english: 'Middleware' },
  { id: 'os', label: '操作系统', english: 'Operating system' },
  { id: 'virtualization', label: '虚拟化', english: 'Virtualization' },
  { id: 'servers', label: '服务器', english: 'Servers' },
  { id: 'storage', label: '存储', english: 'Storage' },
  { id: 'network', label: '网络', english: 'Networking' },
]

export interface ServiceModel {
  id: ServiceModelId
  label: string
  english: string
  /** Layers the customer manages; all others are the provider's. */
  customerLayers: string[]
  /** NIST SP 800-145 definition (verbatim, footnote markers removed); empty for on-premises. */
  nist: string
  /** One-line Chinese summary of what the consumer controls. */
  summary: string
  /** Notes attached to single cells. */
  notes?: Partial<Record<string, string>>
}

export const SERVICE_MODELS: ServiceModel[] = [
  {
    id: 'onprem',
    label: '本地部署',
    english: 'On-premises',
    customerLayers: LAYERS.map(l => l.id),
    nist: '',
    summary: '不是云服务模型：从机房、网络到数据，全部由客户自己管理。',
  },
  {
    id: 'iaas',
    label: 'IaaS',
    english: 'Infrastructure as a Service',
    customerLayers: [
      'data',
      'apps',
      'runtime',
      'middleware',
      'os',
    ],
    nist: 'The capability provided to the consumer is to provision processing, storage, networks, and other fundamental computing resources where the consumer is able to deploy and run arbitrary software, which can include operating systems and applications. The consumer does not manage or control the underlying cloud infrastructure but has control over operating systems, storage, and deployed applications; and possibly limited control of select networking components (e.g., host firewalls).',
    summary: '客户控制操作系统、存储（卷）和所部署的应用，可能有限地控制部分网络组件（如主机防火墙）；不管理底层云基础设施。',
    notes: { network: '可能有限控制部分网络组件（如主机防火墙）', storage: '客户控制所用的存储卷，不管理存储设备' },
  },
  {
    id: 'paas',
    label: 'PaaS',
    english: 'Platform as a Service',
    customerLayers: ['data', 'apps'],
    nist: 'The capability provided to the consumer is to deploy onto the cloud infrastructure consumer-created or acquired applications created using programming languages, libraries, services, and tools supported by the provider. The consumer does not manage or control the underlying cloud infrastructure including network, servers, operating systems, or storage, but has control over the deployed applications and possibly configuration settings for the application-hosting environment.',
    summary: '客户控制所部署的应用，可能还能配置应用托管环境；网络、服务器、操作系统、存储都不归客户管。',
    notes: { runtime: '可能可以配置应用托管环境' },
  },
  {
    id: 'saas',
    label: 'SaaS',
    english: 'Software as a Service',
    customerLayers: ['data'],
    nist: 'The capability provided to the consumer is to use the provider\'s applications running on a cloud infrastructure. The applications are accessible from various client devices through either a thin client interface, such as a web browser (e.g., web-based email), or a program interface. The consumer does not manage or control the underlying cloud infrastructure including network, servers, operating systems, storage, or even individual application capabilities, with the possible exception of limited user-specific application configuration settings.',
    summary: '客户只使用服务商的应用，连单个应用功能也不管理；可能保留有限的用户级配置，以及自己的数据。',
    notes: { data: '客户自己的数据与有限的用户级应用配置' },
  },
]

export function manager(model: ServiceModelId, layer: string): Manager {
  const m = SERVICE_MODELS.find(s => s.id === model)
  if (!m)
    throw new Error(`unknown service model '${model}'`)
  if (!LAYERS.some(l => l.id === layer))
    throw new Error(`unknown layer '${layer}'`)
  return m.customerLayers.includes(layer)
    ? 'customer'
    : 'provider'
}

export const MANAGER_LABEL: Record<Manager, string> = { customer: '客户', provider: '云服务商' }

/** The phrase all three NIST service-model definitions share. */
export const NIST_NO_CONTROL = 'does not manage or control the underlying cloud infrastructure'

export interface Characteristic {
  id: string
  label: string
  english: string
}

/** NIST SP 800-145: the five essential characteristics. */
export const ESSENTIAL_CHARACTERISTICS: Characteristic[] = [
  { id: 'self-service', label: '按需自助服务', english: 'On-demand self-service' },
  { id: 'network-access', label: '广泛的网络访问', english: 'Broad network access' },
  { id: 'pooling', label: '资源池化', english: 'Resource pooling' },
  { id: 'elasticity', label: '快速弹性', english: 'Rapid elasticity' },
  { id: 'measured', label: '可计量服务', english: 'Measured service' },
]

/** NIST SP 800-145: the four deployment models. */
export const DEPLOYMENT_MODELS: Characteristic[] = [
  { id: 'private', label: '私有云', english: 'Private cloud' },
  { id: 'community', label: '社区云', english: 'Community cloud' },
  { id: 'public', label: '公有云', english: 'Public cloud' },
  { id: 'hybrid', label: '混合云', english: 'Hybrid cloud' },
]

/** The three NIST service models (on-premises is the baseline column, not a service model). */
export const NIST_SERVICE_MODELS = SERVICE_MODELS.filter(m => m.id !== 'onprem')
