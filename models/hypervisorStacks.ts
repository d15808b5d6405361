/**
 * Four ways to run several tenants on one machine, as stacks of layers (bottom → top):
 * Type 1 (bare-metal hypervisor), Type 2 (hosted hypervisor), KVM with one user-space VMM per VM,
 * containers.
 *
 * QEMU/KVM and Firecracker are one stack, not two: each VM is one user-space VMM process on the
 * host kernel's KVM. A microVM differs only in the size and language of that VMM and its device
 * model (Firecracker about 50k lines of Rust vs QEMU's C, Agache et al. NSDI'20), so the model has
 * one `kvm` stack whose examples name both.
 *
 * `shared: true` — one instance of the layer serves every tenant (drawn full width);
 * `shared: false` — each tenant has its own copy (drawn once per tenant).
 * `boundaryAbove` — the isolation boundary between tenants lies on top of this layer: everything
 * below it is shared, and a tenant reaches it only through that layer's interface.
 */

export type LayerKind = 'hardware' | 'hypervisor' | 'host-os' | 'host-kernel' | 'runtime' | 'vmm' | 'guest-kernel' | 'app'

export interface StackLayer {
  id: string
  label: string
  kind: LayerKind
  shared: boolean
}

export interface Stack {
  id: 'type1' | 'type2' | 'kvm' | 'container'
  title: string
  /** Example systems. */
  examples: string
  /** Bottom (hardware) first. */
  layers: StackLayer[]
  /** Id of the layer whose top edge is the isolation boundary. */
  boundaryAbove: string
  /** What the boundary is, in one line. */
  boundaryNote: string
}

export const STACKS: Stack[] = [
  {
    id: 'type1',
    title: 'Type 1 裸金属',
    examples: 'ESXi、Xen',
    layers: [
      {
        id: 'hw',
        label: '硬件',
        kind: 'hardware',
        shared: true,
      },
      {
        id: 'hv',
        label: 'Hypervisor',
        kind: 'hypervisor',
        shared: true,
      },
      {
        id: 'gk',
        label: 'Guest 内核',
        kind: 'guest-kernel',
        shared: false,
      },
      {
        id: 'app',
        label: '应用',
        kind: 'app',
        shared: false,
      },
    ],
    boundaryAbove: 'hv',
    boundaryNote: '边界：虚拟硬件接口',
  },
  {
    id: 'type2',
    title: 'Type 2 宿主',
    examples: 'VMware Workstation、VirtualBox',
    layers: [
      {
        id: 'hw',
        label: '硬件',
        kind: 'hardware',
        shared: true,
      },
      {
        id: 'hos',
        label: '宿主 OS',
        kind: 'host-os',
        shared: true,
      },
      {
        id: 'hv',
        label: 'Hypervisor（进程）',
        kind: 'hypervisor',
        shared: true,
      },
      {
        id: 'gk',
        label: 'Guest 内核',
        kind: 'guest-kernel',
        shared: false,
      },
      {
        id: 'app',
        label: '应用',
        kind: 'app',
        shared: false,
      },
    ],
    boundaryAbove: 'hv',
    boundaryNote: '边界：虚拟硬件 + 宿主 OS',
  },
  {
    id: 'kvm',
    title: 'KVM + 用户态 VMM',
    examples: 'QEMU、Firecracker',
    layers: [
      {
        id: 'hw',
        label: '硬件',
        kind: 'hardware',
        shared: true,
      },
      {
        id: 'hk',
        label: '宿主内核 + KVM',
        kind: 'host-kernel',
        shared: true,
      },
      {
        id: 'vmm',
        label: '用户态 VMM',
        kind: 'vmm',
        shared: false,
      },
      {
        id: 'gk',
        label: 'Guest 内核',
        kind: 'guest-kernel',
        shared: false,
      },
      {
        id: 'app',
        label: '应用',
        kind: 'app',
        shared: false,
      },
    ],
    boundaryAbove: 'hk',
    boundaryNote: '边界：KVM + 每个 VM 一个用户态 VMM',
  },
  {
    id: 'container',
    title: '容器',
    examples: 'Docker、runc',
    layers: [
      {
        id: 'hw',
        label: '硬件',
        kind: 'hardware',
        shared: true,
      },
      {
        id: 'hk',
        label: '宿主内核（共享）',
        kind: 'host-kernel',
        shared: true,
      },
      {
        id: 'rt',
        label: '容器运行时',
        kind: 'runtime',
        shared: true,
      },
      {
        id: 'app',
        label: '应用 + 库',
        kind: 'app',
        shared: false,
      },
    ],
    boundaryAbove: 'rt',
    boundaryNote: '边界：系统调用（namespaces + cgroups）',
  },
]

/** Layers every tenant shares. */
export function sharedLayers(stack: Stack): StackLayer[] {
  return stack.layers.filter(l => l.shared)
}

/** Index in `stack.layers` of the layer below the boundary. */
export function boundaryIndex(stack: Stack): number {
  return stack.layers.findIndex(l => l.id === stack.boundaryAbove)
}
