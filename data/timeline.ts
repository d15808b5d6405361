/**
 * Virtualization milestones, from /work/shared/facts.md "Timeline".
 * `date` is as precise as the source ('1965-08', '2006-08-25'); absent when only the year is known.
 * `era` is a period of the talk, not a label on the item itself: mainframe (1964–1974),
 * x86 software virtualization (1998–2004), hardware assist (2005–2009), cloud and containers (2010–).
 */

export type Era = 'mainframe' | 'x86-software' | 'hardware-assist' | 'cloud-native'

export interface Milestone {
  id: string
  year: number
  date?: string
  title: string
  detail: string
  era: Era
  /** An `id` in data/references.ts. */
  source: string
}

export const eraNames: Record<Era, string> = {
  'mainframe': '大型机',
  'x86-software': 'x86 软件虚拟化',
  'hardware-assist': '硬件辅助',
  'cloud-native': '云与容器',
}

export const eras: Era[] = [
  'mainframe',
  'x86-software',
  'hardware-assist',
  'cloud-native',
]

export const milestones: Milestone[] = [
  {
    id: 'cp40',
    year: 1964,
    title: 'IBM CP-40',
    detail: 'IBM 剑桥科学中心在改装的 System/360 Model 40 上开始研制 CP-40，1967 年 1 月投入使用。',
    era: 'mainframe',
    source: 'vanvleck-cpcms',
  },
  {
    id: 's360-67',
    year: 1965,
    date: '1965-08',
    title: 'System/360 Model 67',
    detail: '1965 年 8 月发布，1966 年开始交付（1967 年 1 月交付密歇根大学的是第 2 台），是 CP-67/CMS 的运行平台。',
    era: 'mainframe',
    source: 'model67-history',
  },
  {
    id: 'vm370',
    year: 1972,
    title: 'VM/370',
    detail: '继 CP-67 之后的 IBM 虚拟机产品线；大型机此后一直有硬件辅助，后来被 Waldspurger（OSDI 2002）列为重要先驱。',
    era: 'mainframe',
    source: 'vanvleck-cpcms',
  },
  {
    id: 'popek-goldberg',
    year: 1974,
    date: '1974-07',
    title: 'Popek & Goldberg 虚拟化条件',
    detail: 'CACM 17(7) 给出 VMM（即今天的 Hypervisor）的三项要求（等价性、资源控制、高效性）；定理 1：所有敏感指令都是特权指令时，可用陷入-模拟构造 VMM。',
    era: 'mainframe',
    source: 'popek1974',
  },
  {
    id: 'vmware-founded',
    year: 1998,
    date: '1998-02',
    title: 'VMware 成立',
    detail: 'x86 软件虚拟化时代开始：用二进制翻译绕开 x86 不可经典虚拟化的问题。',
    era: 'x86-software',
    source: 'vmware-history',
  },
  {
    id: 'vmware-workstation',
    year: 1999,
    date: '1999-05',
    title: 'VMware Workstation',
    detail: '宿主型（Type 2）Hypervisor，运行在宿主操作系统之上；用二进制翻译运行不改动的 Guest。',
    era: 'x86-software',
    source: 'vmware-history',
  },
  {
    id: 'robin-irvine',
    year: 2000,
    title: 'Robin & Irvine 分析 Pentium',
    detail: '逐条分析约 250 条 Pentium 指令，证明 x86 不满足经典虚拟化条件。',
    era: 'x86-software',
    source: 'robin2000',
  },
  {
    id: 'esx',
    year: 2001,
    title: 'VMware ESX',
    detail: '裸金属（Type 1）Hypervisor，直接运行在硬件上。',
    era: 'x86-software',
    source: 'vmware-history',
  },
  {
    id: 'xen',
    year: 2003,
    title: 'Xen（SOSP 2003）',
    detail: '半虚拟化：把 Guest 内核移植到 hypercall 接口上，目标是一台服务器运行多达 100 个虚拟机。',
    era: 'x86-software',
    source: 'barham2003',
  },
  {
    id: 'vmotion',
    year: 2003,
    title: 'VMware vMotion',
    detail: '在运行中把虚拟机迁到另一台宿主机（与 Clark 等人的 Xen 实现同期）。',
    era: 'x86-software',
    source: 'vmware-history',
  },
  {
    id: 'vtx',
    year: 2005,
    date: '2005-11',
    title: 'Intel VT-x',
    detail: '首次出现在 Pentium 4 662/672 上：VMX root / non-root 模式、VM entry / VM exit、VMCS。x86 软件虚拟化的约 7 年到此结束。',
    era: 'hardware-assist',
    source: 'intel-vtx-2005',
  },
  {
    id: 'libvirt',
    year: 2005,
    date: '2005-12-19',
    title: 'libvirt 0.0.1',
    detail: '统一的虚拟化管理 API，最初面向 Xen。',
    era: 'hardware-assist',
    source: 'libvirt-releases',
  },
  {
    id: 'amd-v',
    year: 2006,
    date: '2006-05-23',
    title: 'AMD-V（Pacifica / SVM）',
    detail: 'AMD 的硬件虚拟化扩展首次出货。',
    era: 'hardware-assist',
    source: 'amd-v-2006',
  },
  {
    id: 'ec2',
    year: 2006,
    date: '2006-08-25',
    title: 'Amazon EC2 公测',
    detail: '基于 Xen 的按需虚拟机出租，公有云 IaaS 由此起步。',
    era: 'hardware-assist',
    source: 'aws-ec2-2006',
  },
  {
    id: 'kvm-migration',
    year: 2007,
    date: '2007-02',
    title: 'KVM 热迁移（KVM-15）',
    detail: 'kvm-userspace（QEMU 的分支）在 KVM-15 加入热迁移，与 KVM 进入内核几乎同时。',
    era: 'hardware-assist',
    source: 'kvm-15',
  },
  {
    id: 'kvm',
    year: 2007,
    date: '2007-02-04',
    title: 'KVM 并入 Linux 2.6.20',
    detail: 'Qumranet 开发的 kvm.ko 加 kvm-intel.ko / kvm-amd.ko 让 Linux 内核本身成为 Hypervisor；API 自 2.6.22 起稳定。',
    era: 'hardware-assist',
    source: 'linux-2.6.20',
  },
  {
    id: 'qemu-migration',
    year: 2008,
    date: '2008-10',
    title: '上游 QEMU 热迁移',
    detail: '热迁移代码进入上游 QEMU，此前它只在 kvm-userspace 分支里。',
    era: 'hardware-assist',
    source: 'qemu-migration',
  },
  {
    id: 'ksm',
    year: 2009,
    title: 'KSM 并入 Linux 2.6.32',
    detail: 'Kernel Samepage Merging：合并内容相同的页，只作用于标记了 MADV_MERGEABLE 的区域。',
    era: 'hardware-assist',
    source: 'ksm-doc',
  },
  {
    id: 'openstack',
    year: 2010,
    date: '2010-07',
    title: 'OpenStack',
    detail: 'Rackspace 与 NASA 发起；首个版本 Austin 于 2010 年 10 月 21 日发布。',
    era: 'cloud-native',
    source: 'openstack-austin',
  },
  {
    id: 'docker',
    year: 2013,
    date: '2013-03',
    title: 'Docker 开源',
    detail: '容器共享宿主内核（namespaces + cgroups）；2014 年 3 月的 0.9 版用 libcontainer 取代 LXC。',
    era: 'cloud-native',
    source: 'docker-history',
  },
  {
    id: 'kubernetes',
    year: 2014,
    date: '2014-06-10',
    title: 'Kubernetes 发布',
    detail: 'Google 宣布的容器编排系统。',
    era: 'cloud-native',
    source: 'kubernetes-2014',
  },
  {
    id: 'lambda',
    year: 2014,
    date: '2014-11-13',
    title: 'AWS Lambda 预览',
    detail: '函数即服务（Serverless）：用户只上传函数，由平台负责运行它的虚拟化环境。',
    era: 'cloud-native',
    source: 'aws-lambda-2014',
  },
  {
    id: 'nitro',
    year: 2017,
    date: '2017-11',
    title: 'AWS Nitro 公开',
    detail: '随 C5 在 re:Invent 公开的基于 KVM 的精简 Hypervisor；网络与存储卸载到 Nitro 卡，卸载自 C3/C4 起已开始。',
    era: 'cloud-native',
    source: 'liguori2017',
  },
  {
    id: 'firecracker',
    year: 2018,
    date: '2018-11',
    title: 'Firecracker 开源',
    detail: '为 Serverless 设计的 microVM，支撑 AWS Lambda 与 Fargate；论文发表于 NSDI 2020。',
    era: 'cloud-native',
    source: 'agache2020',
  },
]

/** Sort key: the date as given, or the year; ISO-like prefixes compare correctly as strings. */
export function sortKey(m: Milestone): string {
  return m.date ?? String(m.year)
}
