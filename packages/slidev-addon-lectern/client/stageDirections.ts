/**
 * Stage directions set apart in the presenter's notes: a paragraph that starts with 【提示】 (AUTHORING.md,
 * node/deck/notes.ts) gets a class, so setup/presenter.css can label it and style it unlike the spoken text.
 * Slidev renders the notes to HTML on its server; the class is added in the page.
 */
import { STAGE_DIRECTION } from '../node/deck/notes.ts'

export const STAGE_DIRECTION_CLASS = 'deck-stage-direction'

/** Marks every stage-direction paragraph or list item of the notes under `root`. */
export function markStageDirections(root: ParentNode): void {
  for (const el of root.querySelectorAll('.slidev-note p, .slidev-note li')) {
    const direction = (el.textContent ?? '').trimStart().startsWith(STAGE_DIRECTION)
    if (el.classList.contains(STAGE_DIRECTION_CLASS) !== direction)
      el.classList.toggle(STAGE_DIRECTION_CLASS, direction)
  }
}

/** Keeps the marks as the notes change (another slide, a click, an edit on the dev server); returns the stop function. */
export function watchStageDirections(doc: Document): () => void {
  let queued = false
  const observer = new MutationObserver(() => {
    if (queued)
      return
    queued = true
    requestAnimationFrame(() => {
      queued = false
      markStageDirections(doc)
    })
  })
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true })
  markStageDirections(doc)
  return () => observer.disconnect()
}
