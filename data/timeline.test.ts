import { describe, expect, it } from 'vitest'
import { referenceIds } from './references'
import { eras, milestones, sortKey } from './timeline'

const byId = (id: string) => milestones.find(m => m.id === id)!

describe('virtualization timeline data', () => {
  it('is sorted by year, then by date', () => {
    for (let i = 1; i < milestones.length; i++) {
      expect(milestones[i].year).toBeGreaterThanOrEqual(milestones[i - 1].year)
      expect(sortKey(milestones[i]) >= sortKey(milestones[i - 1])).toBe(true)
    }
  })

  it('every entry has a year, an era, and a source that exists in references.ts', () => {
    for (const m of milestones) {
      expect(Number.isInteger(m.year)).toBe(true)
      expect(eras).toContain(m.era)
      expect(referenceIds.has(m.source), `${m.id} cites unknown source ${m.source}`).toBe(true)
      if (m.date)
        expect(m.date.startsWith(String(m.year))).toBe(true)
    }
  })

  it('ids are unique and every era has milestones', () => {
    expect(new Set(milestones.map(m => m.id)).size).toBe(milestones.length)
    for (const e of eras)
      expect(milestones.some(m => m.era === e)).toBe(true)
  })

  it('carries the dates of facts.md: S/360-67 announced Aug 1965 (shipped 1966, not Jan 1967), Popek & Goldberg Jul 1974, EC2 2006-08-25, KVM 2007-02-04, Kubernetes 2014-06-10, Lambda 2014-11-13', () => {
    expect(byId('cp40').year).toBe(1964)
    expect(byId('s360-67').date).toBe('1965-08')
    expect(byId('s360-67').detail).toContain('1966 年开始交付')
    expect(byId('s360-67').detail).not.toMatch(/1967 年 1 月首次交付/)
    expect(byId('vm370').year).toBe(1972)
    expect(byId('popek-goldberg').date).toBe('1974-07')
    expect(byId('vmware-founded').date).toBe('1998-02')
    expect(byId('vmware-workstation').date).toBe('1999-05')
    expect(byId('robin-irvine').year).toBe(2000)
    expect(byId('esx').year).toBe(2001)
    expect(byId('xen').year).toBe(2003)
    expect(byId('vmotion').year).toBe(2003)
    expect(byId('vtx').date).toBe('2005-11')
    expect(byId('libvirt').date).toBe('2005-12-19')
    expect(byId('amd-v').date).toBe('2006-05-23')
    expect(byId('ec2').date).toBe('2006-08-25')
    expect(byId('kvm-migration').date).toBe('2007-02')
    expect(byId('kvm').date).toBe('2007-02-04')
    expect(byId('qemu-migration').date).toBe('2008-10')
    expect(byId('ksm').year).toBe(2009)
    expect(byId('openstack').date).toBe('2010-07')
    expect(byId('docker').date).toBe('2013-03')
    expect(byId('kubernetes').date).toBe('2014-06-10')
    expect(byId('lambda').date).toBe('2014-11-13')
    expect(byId('nitro').date).toBe('2017-11')
    expect(byId('firecracker').date).toBe('2018-11')
    expect(milestones).toHaveLength(24)
  })
})
