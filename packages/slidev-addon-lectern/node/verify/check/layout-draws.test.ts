import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkDeck } from './check.ts'

const dir = mkdtempSync(join(tmpdir(), 'deck-cover-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function deck(cover: string): string {
  mkdirSync(join(dir, 'layouts'), { recursive: true })
  copyFileSync('layouts/cover.vue', join(dir, 'layouts/cover.vue'))
  writeFileSync(join(dir, 'slides.md'), `---
title: 封面测试
author: 张三
affiliation: 某某大学
event: ''
date: 2026-12-12
duration: 1min
layout: cover
minutes: 1
---

# 封面测试

${cover}

<!--
开场白。
-->
`)
  return join(dir, 'slides.md')
}

describe('a slide that repeats what its layout draws', () => {
  it('is flagged once a line, naming the fields and the layout', async () => {
    const problems = (await checkDeck(deck(`<div>{{ [$slidev.configs.author, $slidev.configs.event].join(' · ') }}</div>\n\n某某大学 · 2026-12-12`)))
      .filter(p => p.message.includes('repeats'))
    expect(problems.map(p => [p.severity, p.line, p.slide, p.message])).toEqual([
      [
        'warning',
        14,
        1,
        'the slide repeats the headmatter\'s `author`, `event`, which the cover layout already shows',
      ],
      [
        'warning',
        16,
        1,
        'the slide repeats the headmatter\'s `affiliation`, `date`, which the cover layout already shows',
      ],
    ])
    expect(problems[0].fix).toMatch(/layouts\/cover\.vue draws it/)
  })

  it('is quiet for a cover with only its title and subtitle', async () => {
    expect((await checkDeck(deck('一行副标题'))).filter(p => p.message.includes('repeats'))).toEqual([])
  })
})
