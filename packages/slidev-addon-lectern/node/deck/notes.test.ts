import { describe, expect, it } from 'vitest'
import { attendeeNarration, isStageDirection, readingMinutes, readingUnits, withoutStageDirections } from './notes.ts'

const notes = `开场白，先讲问题。

【提示】这里拖一下滑块。

[click] 第二步：脏页率升到 100 MB/s。

[click] 【提示】问答时跳到这里。`

describe('speaker notes', () => {
  it('drops stage directions, with or without a click marker before them', () => {
    expect(isStageDirection('【提示】拖滑块')).toBe(true)
    expect(isStageDirection('[click] 【提示】跳过')).toBe(true)
    expect(isStageDirection('这不是【提示】')).toBe(false)
    expect(withoutStageDirections(notes)).toBe('开场白，先讲问题。\n\n[click] 第二步：脏页率升到 100 MB/s。')
  })

  it('gives the audience the narration without click markers', () => {
    expect(attendeeNarration(notes)).toBe('开场白，先讲问题。\n\n第二步：脏页率升到 100 MB/s。')
  })

  it('counts Han characters one each and Latin words or numbers one each', () => {
    expect(readingUnits('热迁移')).toBe(3)
    expect(readingUnits('KVM 在 Linux 2.6.20 合入')).toBe(3 + 3)
    expect(readingUnits('<Cite id="x" />用 `virsh`')).toBe(2)
  })

  it('reads 240 units in a minute and skips what is not said', () => {
    expect(readingMinutes('字'.repeat(480))).toBe(2)
    expect(readingMinutes(`${'字'.repeat(240)}\n\n【提示】${'字'.repeat(240)}`)).toBe(1)
  })
})
