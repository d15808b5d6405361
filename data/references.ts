/**
 * Every source the deck cites, in one place.
 * Slides cite with `<Cite id="…" />`; the references slide renders this list;
 * `npm run check` fails on a citation without an entry and on an entry nobody cites.
 */
export interface Reference {
  /** Key used by `<Cite id>` — author + year, lower case. */
  id: string
  authors: string
  title: string
  /** Journal, conference, document series or site. */
  venue: string
  year: number
  url?: string
  /** Label shown by `<Cite>` when the first author's surname would not read well (organisations, docs). */
  short?: string
}

export const references: Reference[] = [
  {
    id: 'vanvleck-cpcms',
    authors: 'T. Van Vleck',
    title: 'The IBM 360/67 and CP/CMS',
    venue: 'multicians.org',
    year: 1997,
    url: 'https://multicians.org/thvv/360-67.html',
    short: 'Van Vleck 1997',
  },
  {
    id: 'popek1974',
    authors: 'G. J. Popek, R. P. Goldberg',
    title: 'Formal Requirements for Virtualizable Third Generation Architectures',
    venue: 'Communications of the ACM 17(7)',
    year: 1974,
  },
  {
    id: 'robin2000',
    authors: 'J. S. Robin, C. E. Irvine',
    title: 'Analysis of the Intel Pentium\'s Ability to Support a Secure Virtual Machine Monitor',
    venue: 'USENIX Security Symposium',
    year: 2000,
  },
  {
    id: 'waldspurger2002',
    authors: 'C. A. Waldspurger',
    title: 'Memory Resource Management in VMware ESX Server',
    venue: 'OSDI',
    year: 2002,
  },
  {
    id: 'barham2003',
    authors: 'P. Barham, B. Dragovic, K. Fraser, S. Hand, T. Harris, A. Ho, R. Neugebauer, I. Pratt, A. Warfield',
    title: 'Xen and the Art of Virtualization',
    venue: 'SOSP',
    year: 2003,
  },
  {
    id: 'clark2005',
    authors: 'C. Clark, K. Fraser, S. Hand, J. G. Hansen, E. Jul, C. Limpach, I. Pratt, A. Warfield',
    title: 'Live Migration of Virtual Machines',
    venue: 'NSDI',
    year: 2005,
  },
  {
    id: 'adams2006',
    authors: 'K. Adams, O. Agesen',
    title: 'A Comparison of Software and Hardware Techniques for x86 Virtualization',
    venue: 'ASPLOS',
    year: 2006,
  },
  {
    id: 'kivity2007',
    authors: 'A. Kivity, Y. Kamay, D. Laor, U. Lublin, A. Liguori',
    title: 'kvm: the Linux Virtual Machine Monitor',
    venue: 'Ottawa Linux Symposium',
    year: 2007,
  },
  {
    id: 'dosa2007',
    authors: 'G. Dósa',
    title: 'The Tight Bound of First Fit Decreasing Bin-Packing Algorithm Is FFD(I) ≤ 11/9 OPT(I) + 6/9',
    venue: 'ESCAPE, LNCS 4614',
    year: 2007,
  },
  {
    id: 'bhargava2008',
    authors: 'R. Bhargava, B. Serebrin, F. Spadini, S. Manne',
    title: 'Accelerating Two-Dimensional Page Walks for Virtualized Systems',
    venue: 'ASPLOS',
    year: 2008,
  },
  {
    id: 'russell2008',
    authors: 'R. Russell',
    title: 'virtio: Towards a De-Facto Standard for Virtual I/O Devices',
    venue: 'ACM SIGOPS Operating Systems Review 42(5)',
    year: 2008,
  },
  {
    id: 'hines2009',
    authors: 'M. R. Hines, K. Gopalan',
    title: 'Post-Copy Based Live Virtual Machine Migration Using Adaptive Pre-Paging and Dynamic Self-Ballooning',
    venue: 'VEE',
    year: 2009,
  },
  {
    id: 'mell2011',
    authors: 'P. Mell, T. Grance',
    title: 'The NIST Definition of Cloud Computing',
    venue: 'NIST Special Publication 800-145',
    year: 2011,
  },
  {
    id: 'beloglazov2012',
    authors: 'A. Beloglazov, R. Buyya',
    title: 'Optimal Online Deterministic Algorithms and Adaptive Heuristics for Energy and Performance Efficient Dynamic Consolidation of Virtual Machines in Cloud Data Centers',
    venue: 'Concurrency and Computation: Practice and Experience 24(13)',
    year: 2012,
  },
  {
    id: 'madhavapeddy2013',
    authors: 'A. Madhavapeddy, R. Mortier, C. Rotsos, D. Scott, B. Singh, T. Gazagnaire, S. Smith, S. Hand, J. Crowcroft',
    title: 'Unikernels: Library Operating Systems for the Cloud',
    venue: 'ASPLOS',
    year: 2013,
  },
  {
    id: 'liguori2017',
    authors: 'A. Liguori',
    title: 'C5 Instances and the Evolution of Amazon EC2 Virtualization (CMP332)',
    venue: 'AWS re:Invent',
    year: 2017,
  },
  {
    id: 'agache2020',
    authors: 'A. Agache, M. Brooker, A. Florescu, A. Iordache, A. Liguori, R. Neugebauer, P. Piwonka, D.-M. Popa',
    title: 'Firecracker: Lightweight Virtualization for Serverless Applications',
    venue: 'NSDI',
    year: 2020,
  },
  {
    id: 'stojkovic2022',
    authors: 'J. Stojkovic, D. Skarlatos, A. Kokolis, T. Xu, J. Torrellas',
    title: 'Parallel Virtualized Memory Translation with Nested Elastic Cuckoo Page Tables',
    venue: 'ASPLOS',
    year: 2022,
  },
  {
    id: 'kvm-api',
    authors: 'Linux kernel developers',
    title: 'The Definitive KVM (Kernel-based Virtual Machine) API Documentation',
    venue: 'Documentation/virt/kvm/api.rst',
    year: 2024,
    short: 'KVM API 文档',
  },
  {
    id: 'ksm-doc',
    authors: 'Linux kernel developers',
    title: 'Kernel Samepage Merging',
    venue: 'Documentation/admin-guide/mm/ksm.rst',
    year: 2024,
    short: 'Linux KSM 文档',
  },
  {
    id: 'xen-save',
    authors: 'Xen Project',
    title: 'xc_domain_save.c: DEF_MAX_ITERS 29, DEF_MAX_FACTOR 3, 50-page last-round threshold',
    venue: 'tools/libxc, Xen source',
    year: 2009,
    short: 'Xen 源码',
  },
  {
    id: 'xen-credit',
    authors: 'Xen Project',
    title: 'Credit Scheduler (xen/common/sched/credit.c)',
    venue: 'Xen source and wiki',
    year: 2019,
    short: 'Xen credit.c',
  },
  {
    id: 'qemu-migration',
    authors: 'QEMU Project',
    title: 'Migration: downtime-limit, max-bandwidth, auto-converge, postcopy-ram',
    venue: 'QEMU documentation',
    year: 2024,
    short: 'QEMU 文档',
  },
  {
    id: 'firecracker-spec',
    authors: 'Firecracker maintainers',
    title: 'Firecracker Specification (SPECIFICATION.md)',
    venue: 'github.com/firecracker-microvm/firecracker',
    year: 2024,
    short: 'Firecracker 规范',
  },
  {
    id: 'vsphere-tps',
    authors: 'VMware',
    title: 'Memory Sharing and Transparent Page Sharing (inter-VM sharing disabled by default)',
    venue: 'vSphere Resource Management documentation',
    year: 2023,
    short: 'vSphere 文档',
  },
  {
    id: 'cve-2019-5736',
    authors: 'NIST NVD',
    title: 'CVE-2019-5736: runc container breakout',
    venue: 'National Vulnerability Database',
    year: 2019,
    short: 'NVD CVE-2019-5736',
  },
  {
    id: 'amd-sev-snp',
    authors: 'AMD',
    title: 'AMD SEV-SNP: Strengthening VM Isolation with Integrity Protection and More',
    venue: 'AMD white paper',
    year: 2020,
    short: 'AMD 2020',
  },
  {
    id: 'intel-tdx',
    authors: 'Intel',
    title: 'Intel Trust Domain Extensions (Intel TDX) white paper',
    venue: 'Intel',
    year: 2023,
    short: 'Intel 2023',
  },
  {
    id: 'sriov-spec',
    authors: 'PCI-SIG',
    title: 'Single Root I/O Virtualization and Sharing Specification, Revision 1.0',
    venue: 'PCI-SIG',
    year: 2007,
    short: 'PCI-SIG 2007',
  },
  {
    id: 'industry-history',
    authors: 'AWS, VMware, Intel, AMD, Docker, Google, OpenStack, libvirt',
    title: 'Product announcements and release histories: EC2 beta (2006-08-25), Lambda preview (2014-11-13), Kubernetes (2014-06-10), Docker (2013-03), OpenStack Austin (2010-10-21), libvirt 0.0.1 (2005-12-19), VT-x (2005-11), AMD-V (2006-05-23), VMware founded (1998-02), VMware Workstation (1999-05), ESX (2001), vMotion (2003)',
    venue: 'vendor press releases and project release lists',
    year: 2014,
    short: '厂商发布史',
  },
]

export const referenceIds = new Set(references.map(r => r.id))
