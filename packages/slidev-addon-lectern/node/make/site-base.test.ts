import { describe, expect, it, vi } from 'vitest'
import { siteBase } from './build.ts'

describe('the site\'s base path', () => {
  it('comes from the site URL\'s path when --base is not given', () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(siteBase('https://talks.example.org/virt/')).toBe('/virt/')
    expect(siteBase('https://talks.example.org/')).toBe('/')
    expect(siteBase('')).toBe('/')
  })

  it('is --base when given, with one warning naming both when they disagree', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(siteBase('', '/repo/')).toBe('/repo/')
    expect(siteBase('https://talks.example.org/virt/', '/virt')).toBe('/virt')
    expect(warn).not.toHaveBeenCalled()
    expect(siteBase('https://talks.example.org/virt/', '/other/')).toBe('/other/')
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0][0]).toMatch(/--base \/other\/ differs from the site URL's path \/virt\//)
  })
})
