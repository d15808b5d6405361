/**
 * Stage directions set apart in the presenter's notes: a paragraph that starts with 【提示】 (AUTHORING.md,
 * node/deck/notes.ts) gets a class, so setup/presenter.css can label it and style it unlike the spoken text.
 * Slidev renders the notes to HTML on its server; the class is added in the page.
 */
import { SLIDEV } from '../shared/slidev-internals.ts'
import { STAGE_DIRECTION } from '../shared/stage-direction.ts'

export const STAGE_DIRECTION_CLASS = 'deck-stage-direction'
/** What stands in for the 【提示】 marker: a short label in the deck's words (`stageLabel` of shared/messages.ts), so the notes keep their length. */
export const STAGE_LABEL_CLASS = 'deck-stage-label'

/** Marks every stage-direction paragraph or list item of the notes under `root`, its marker replaced by `label`. */
export function markStageDirections(root: ParentNode, label: string): void {
  for (const el of root.querySelectorAll(`.${SLIDEV.noteClass} p, .${SLIDEV.noteClass} li`)) {
    if (el.querySelector(`:scope > .${STAGE_LABEL_CLASS}`))
      continue
    const direction = (el.textContent ?? '').trimStart().startsWith(STAGE_DIRECTION)
    el.classList.toggle(STAGE_DIRECTION_CLASS, direction)
    if (!direction)
      continue
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(STAGE_DIRECTION)
      if (at < 0)
        continue
      const rest = node.splitText(at)
      rest.data = rest.data.slice(STAGE_DIRECTION.length)
      const tag = el.ownerDocument.createElement('span')
      tag.className = STAGE_LABEL_CLASS
      tag.textContent = label
      node.parentNode!.insertBefore(tag, rest)
      break
    }
  }
}

/** Keeps the marks as the notes change (another slide, a click, an edit on the dev server); returns the stop function. */
export function watchStageDirections(doc: Document, label: string): () => void {
  let queued = false
  const observer = new MutationObserver(() => {
    if (queued)
      return
    queued = true
    requestAnimationFrame(() => {
      queued = false
      markStageDirections(doc, label)
    })
  })
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true })
  markStageDirections(doc, label)
  return () => observer.disconnect()
}
