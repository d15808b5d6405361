import type { Deck, DeckSlide } from '../../deck/deck.ts'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { deferEntry, describe as describeSlide, pageTitle, writeSlidePages } from './prerender.ts'

const SHELL = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<title>讲座</title>
<script type="module" crossorigin src="/virt/assets/index-abc.js"></script>
  <link rel="modulepreload" crossorigin href="/virt/assets/vue-def.js">
  <link rel="stylesheet" crossorigin href="/virt/assets/index-ghi.css">
</head>
<body>
  <div id="app"></div>
</body>
</html>`

function slide(no: number, title: string): DeckSlide {
  return {
    no,
    title,
    file: 'slides/x.md',
    line: no,
    notes: '讲稿不上网',
    content: '',
    frontmatter: {},
  }
}

function deckWith(siteUrl: string): Deck {
  return {
    title: '讲座',
    author: '讲者',
    talk: {
      speaker: '讲者',
      affiliation: '',
      event: '',
      date: '',
      siteUrl,
    },
    durationMinutes: 45,
    info: '讲座简介',
    infoText: '讲座简介',
    houseRules: true,
    keywords: ['虚拟化'],
    lang: 'zh-CN',
    canvasWidth: 980,
    aspectRatio: 16 / 9,
    slides: [
      slide(1, '讲座'),
      slide(2, '第二页 <两个>'),
      slide(3, '第三页'),
    ],
    chapters: [],
    references: [],
  }
}

const printed = [1, 2, 3].map(no => ({
  no,
  html: `<div class="slidev-page slidev-page-${no}"><h1>第 ${no} 页</h1></div>`,
  text: `第 ${no} 页的正文`,
  styles: [`/virt/assets/md-${no}.css`],
  fonts: [
    { url: `/virt/assets/deck-sans-${no}.woff2`, rule: `@font-face { font-family: "Deck Sans"; font-display: swap; src: url("/virt/assets/deck-sans-${no}.woff2") format("woff2"); }`, chars: '第页' },
  ],
}))

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function build(siteUrl: string) {
  dir = mkdtempSync(join(tmpdir(), 'prerender-'))
  const files = writeSlidePages({
    siteDir: dir,
    base: '/virt/',
    deck: deckWith(siteUrl),
    slides: printed,
    shell: SHELL,
    // Slide 3's page draws nothing in a web font.
    fontCss: new Map(printed.filter(p => p.no < 3).map(p => [p.no, `@font-face { font-family: "Deck Sans"; src: url(data:font/woff2;base64,page${p.no}) }`])),
    downloads: [
      { file: 'slides.pdf', label: '幻灯片 PDF' },
    ],
  })
  return {
    files,
    read: (file: string) => readFileSync(join(dir, file), 'utf8'),
  }
}

describe('writeSlidePages', () => {
  it('writes /N as N.html and N/index.html, slide 1 also as index.html', () => {
    const { files, read } = build('')
    expect(files.map(f => f.slice(dir.length + 1)).sort()).toEqual([
      '1.html',
      '1/index.html',
      '2.html',
      '2/index.html',
      '3.html',
      '3/index.html',
      'index.html',
    ])
    expect(read('2/index.html')).toBe(read('2.html'))
    expect(read('index.html')).toBe(read('1.html'))
  })

  it('gives each page its title, description, slide styles, its own fonts after the site\'s stylesheet, and no-JS links', () => {
    const page = build('').read('2.html')
    expect(page).toContain('<title>第二页 &lt;两个> — 讲座</title>')
    expect(page).toContain('<meta name="description" content="第 2 页的正文">')
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/virt/assets/md-2.css">')
    const fonts = page.indexOf('base64,page2')
    expect(fonts).toBeGreaterThan(page.indexOf('<link rel="stylesheet" crossorigin href="/virt/assets/index-ghi.css">'))
    expect(page).not.toMatch(/base64,page[13]|deck-sans-2\.woff2/)
    expect(page).toContain('<a href="/virt/" rel="prev">上一页：讲座</a>')
    expect(page).toContain('<a href="/virt/3" rel="next">下一页：第三页</a>')
    expect(page).toContain('<a href="/virt/slides.pdf">幻灯片 PDF</a>')
    expect(page).toContain('<h1>第 2 页</h1>')
    // The app's scripts leave the head; the start script carries them.
    expect(page).not.toMatch(/<script type="module"|rel="modulepreload"/)
    expect(page).toContain('import("/virt/assets/index-abc.js")')
    expect(page).not.toContain('讲稿不上网')
    // No canonical URL or sitemap without a site URL.
    expect(page).not.toContain('rel="canonical"')
  })

  it('with a site URL: canonical, og:url and a sitemap of every slide', () => {
    const { files, read } = build('https://talks.example.org/virt/')
    expect(read('2.html')).toContain('<link rel="canonical" href="https://talks.example.org/virt/2">')
    expect(read('2.html')).toContain('<meta property="og:url" content="https://talks.example.org/virt/2">')
    expect(read('index.html')).toContain('<link rel="canonical" href="https://talks.example.org/virt/">')
    expect(files.some(f => f.endsWith('sitemap.xml'))).toBe(true)
    const locs = [
      ...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g),
    ].map(m => m[1])
    expect(locs).toEqual(['https://talks.example.org/virt/', 'https://talks.example.org/virt/2', 'https://talks.example.org/virt/3'])
  })
})

describe('loading a page\'s own fonts before it shows', () => {
  it('hides the slide until they are loaded, with JavaScript only', () => {
    const page = build('').read('2.html')
    expect(page).toContain('.deck-fonts-loading #deck-prerender>*{visibility:hidden}')
    expect(page).toMatch(/classList\.add\('deck-fonts-loading'\)/)
    // Its one face, the last of the document; a page without faces of its own waits for none.
    expect(page).toContain('[...document.fonts].slice(-1)')
    expect(build('').read('3.html')).not.toContain('deck-fonts-loading\')')
  })
})

describe('page text helpers', () => {
  it('titles a slide page "slide — talk", and the cover by the talk alone', () => {
    expect(pageTitle('热迁移', '讲座')).toBe('热迁移 — 讲座')
    expect(pageTitle('讲座', '讲座')).toBe('讲座')
  })

  it('cuts a long description at a sentence end near 150 characters', () => {
    const text = `${'虚拟化'.repeat(30)}。${'云'.repeat(100)}`
    expect(describeSlide(text, '')).toBe(`${'虚拟化'.repeat(30)}。…`)
    expect(describeSlide('', '简介')).toBe('简介')
  })

  it('fails clearly when the page has no entry script', () => {
    expect(() => deferEntry('<html></html>')).toThrow(/no module entry script/)
  })
})
