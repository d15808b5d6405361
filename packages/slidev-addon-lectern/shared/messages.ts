/**
 * The kit's own words — handout chrome, reading view, slide pages, banners, presenter panels — in the
 * deck's language: its `lang` headmatter, English when it has none. One table, plain TypeScript with no
 * Node or browser imports, so the tools (Node) and the client (the app in the browser) read the same.
 *   const t = messages(deck.lang); t.handoutFooter(3, 18) // "Page 3 of 18" or "第 3 页 / 共 18 页"
 * To add a language: one more entry in MESSAGES with every key (TypeScript checks that none is missing).
 */

const en = {
  /** BCP 47 tag for dates and times (the pacing panel's clock). */
  locale: 'en',
  // handout
  handout: 'Handout',
  speakerHandout: 'Speaker handout',
  speakerKicker: 'Speaker handout · with stage directions, do not distribute',
  contents: 'Contents',
  coverBookmark: 'Cover and contents',
  references: 'References',
  clickCue: '[click]',
  slideNo: (no: number) => `Slide ${no}`,
  handoutFooter: (page: number, pages: number) => `Page ${page} of ${pages}`,
  siteCaption: 'Slides, handout and reading view',
  // reading view
  readingView: 'Reading view',
  playSlides: 'Play the slides',
  slidesPdf: 'Slides (PDF)',
  handoutPdf: 'Handout (PDF)',
  slideAlt: (no: number, text: string) => `Slide ${no}: ${text}`,
  liveSlide: (link: string) => `This slide is a live model, shown here in its final state. Open ${link} on a larger screen to try it yourself.`,
  liveSlideLink: (no: number) => `slide ${no}`,
  talkOnline: 'This talk online:',
  // slide pages (prerendered) and the app's banners
  previousSlide: (title: string) => `Previous: ${title}`,
  nextSlide: (title: string) => `Next: ${title}`,
  slideOfSlides: (no: number, total: number) => `Slide ${no} of ${total}`,
  readingBanner: 'Open the reading view: every slide with its narration, made for phones →',
  blankScreen: (black: boolean) => `Audience screen: ${black ? 'black' : 'white'} (${black ? 'B' : 'W'} or any navigation key brings this slide back)`,
  // the navigation bar's links
  downloadSlides: 'Download the slides (PDF)',
  downloadHandout: 'Download the handout (slides + narration)',
  openReadingView: 'Reading view: every slide with its narration',
  // the presenter's blank-screen button
  blankButton: (blanked: boolean): string => blanked ? 'Show' : 'Blank',
  blankButtonLabel: (blanked: boolean): string => blanked ? 'Show the audience screen again' : 'Black out the audience screen',
  blankButtonTitle: (blanked: boolean): string => blanked ? 'Show the audience screen again (B or any navigation key)' : 'Black out the audience screen (B)',
  // a live model's reset button
  modelReset: 'Reset',
  modelResetTitle: 'Back to the defaults',
  // stage directions in the presenter's notes: the label in place of the marker
  stageLabel: 'Don\'t read',
  // the pacing panel
  pacing: 'Pacing',
  startTimer: 'Start the timer',
  resumeTimer: 'Resume the timer',
  pauseTimer: 'Pause the timer',
  resetTimer: 'Reset the timer',
  start: 'Start',
  thisChapter: 'Section',
  wholeTalk: 'Talk',
  remaining: 'Left',
  notTiming: 'Not timed',
  paused: ' (paused)',
  timeNow: 'Time now',
  paceVerdict: (status: 'ahead' | 'behind' | 'on-time', by: string): string => status === 'on-time'
    ? 'On time'
    : `${status === 'ahead'
      ? 'Ahead'
      : 'Behind'} ${by}`,
  // the rehearsal report (panel and Markdown)
  report: 'Report',
  reportHint: 'Rehearsal report: planned and actual time of each section',
  rehearsalReport: 'Rehearsal report',
  reportAsMarkdown: 'Rehearsal report (Markdown table)',
  part: 'Section',
  planned: 'Planned',
  actual: 'Actual',
  over: 'Over',
  plannedStart: 'Planned start',
  reached: 'Reached',
  notReached: 'not reached',
  total: 'Total',
  copy: 'Copy',
  copied: 'Copied',
  downloadMarkdown: 'Download .md',
  close: 'Close',
  // `lectern check`'s notes report: the slides before the first chapter
  opening: '(opening)',
}

export type Messages = typeof en

const zhCN: Messages = {
  locale: 'zh-CN',
  handout: '讲义',
  speakerHandout: '讲者讲义',
  speakerKicker: '讲者讲义 · 含舞台提示，请勿分发',
  contents: '目录',
  coverBookmark: '封面与目录',
  references: '参考文献',
  clickCue: '[点击]',
  slideNo: no => `幻灯片 ${no}`,
  handoutFooter: (page, pages) => `第 ${page} 页 / 共 ${pages} 页`,
  siteCaption: '幻灯片、讲义与阅读版',
  readingView: '阅读版',
  playSlides: '播放幻灯片',
  slidesPdf: '幻灯片 PDF',
  handoutPdf: '讲义 PDF',
  slideAlt: (no, text) => `幻灯片 ${no}：${text}`,
  liveSlide: link => `这一页是可以操作的模型，这里是它的最终状态。在电脑等大屏幕上打开${link}，可以自己动手试。`,
  liveSlideLink: no => `第 ${no} 页`,
  talkOnline: '这场分享的网址：',
  previousSlide: title => `上一页：${title}`,
  nextSlide: title => `下一页：${title}`,
  slideOfSlides: (no, total) => `幻灯片 ${no} / ${total}`,
  readingBanner: '打开阅读版：每页幻灯片配讲解，适合手机 →',
  blankScreen: black => `观众屏幕：${black ? '黑屏' : '白屏'}（按 ${black ? 'B' : 'W'} 或任一翻页键恢复，停在本页）`,
  downloadSlides: '下载幻灯片 PDF',
  downloadHandout: '下载讲义（幻灯片 + 讲解）',
  openReadingView: '阅读版：每页幻灯片配讲解',
  blankButton: blanked => blanked ? '恢复' : '黑屏',
  blankButtonLabel: blanked => blanked ? '恢复观众屏幕' : '观众屏幕黑屏',
  blankButtonTitle: blanked => blanked ? '恢复观众屏幕（B 或任一翻页键）' : '观众屏幕黑屏（B）',
  modelReset: '复位',
  modelResetTitle: '恢复默认值',
  stageLabel: '不念',
  pacing: '进度',
  startTimer: '开始计时',
  resumeTimer: '继续计时',
  pauseTimer: '暂停计时',
  resetTimer: '计时归零',
  start: '开始',
  thisChapter: '本章',
  wholeTalk: '全场',
  remaining: '剩余',
  notTiming: '未计时',
  paused: '（已暂停）',
  timeNow: '现在时间',
  paceVerdict: (status, by) => status === 'on-time'
    ? '准时'
    : `${status === 'ahead'
      ? '提前'
      : '落后'} ${by}`,
  report: '报告',
  reportHint: '排练报告：各部分计划与实际用时',
  rehearsalReport: '排练报告',
  reportAsMarkdown: '排练报告（Markdown 表格）',
  part: '部分',
  planned: '计划',
  actual: '实际',
  over: '差',
  plannedStart: '计划开始',
  reached: '实际到达',
  notReached: '未到',
  total: '合计',
  copy: '复制',
  copied: '已复制',
  downloadMarkdown: '下载 .md',
  close: '关闭',
  opening: '（开场）',
}

const MESSAGES: Record<string, Messages> = { 'en': en, 'zh-CN': zhCN }

/** The table's language for a deck's `lang`: any `zh…` → zh-CN; anything else (or none) → English. */
export function messageLang(lang?: string): 'en' | 'zh-CN' {
  return /^zh\b/i.test(lang ?? '')
    ? 'zh-CN'
    : 'en'
}

/** The kit's words for a deck whose headmatter says `lang` (English when absent or not in the table). */
export function messages(lang?: string): Messages {
  return MESSAGES[messageLang(lang)]
}
