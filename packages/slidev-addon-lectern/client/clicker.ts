/**
 * A clicker that always works: the keys a presentation remote sends navigate even while a control
 * on the slide (slider, checkbox, radio, button) or in the presenter's toolbar has focus. Slidev
 * ignores its shortcuts while an input, button or link is focused; this sits in front of it.
 *
 * The rule, with a control focused:
 * - PageDown / PageUp / Space (Shift+Space back) always navigate: the focus is released first.
 * - → / ← adjust the controls that use arrows (slider, radio group, number field, select, and
 *   anything marked `data-arrow-keys`) — reached with Tab, as a keyboard or screen-reader user does;
 *   on any other control (checkbox, button, link) they navigate.
 * - Esc releases the focus (back to the slide), so → advances again.
 * - Enter toggles a focused checkbox (Space, its usual key, now navigates).
 * - B / . (black) and W (white) blank the screen, as they do with nothing focused.
 * - While the screen is blank, any navigation key (PageDown / PageUp / → / ← / Space) brings the slide
 *   back without moving, as in PowerPoint and Keynote — focused control or not.
 * - A change made with the mouse, a finger or a pen gives the focus back to the slide at once, so
 *   after dragging a slider or ticking a box, → and the clicker advance.
 * Text fields (Slidev's go-to box, the notes editor) keep every key.
 */

/** What the key handler does; `navigate` is passed in so the rule stays testable without Slidev. */
export type ClickerAction = 'next' | 'prev' | 'release' | 'toggle' | 'black' | 'white' | 'keep'

const ARROW_INPUT_TYPES = new Set(['range', 'radio', 'number'])
const NAV_KEYS: Record<string, 'next' | 'prev'> = {
  PageDown: 'next',
  PageUp: 'prev',
  ArrowRight: 'next',
  ArrowLeft: 'prev',
}

/** Whether the element takes text: every key belongs to it. */
export function isTextEntry(el: Element): boolean {
  if ((el as HTMLElement).isContentEditable || el.tagName === 'TEXTAREA')
    return true
  if (el.tagName !== 'INPUT')
    return false
  return ![
    'range',
    'radio',
    'number',
    'checkbox',
    'button',
    'submit',
    'reset',
    'color',
  ].includes((el as HTMLInputElement).type)
}

/** A control that keeps Slidev's shortcuts away while focused (Slidev: INPUT, TEXTAREA, BUTTON, A). */
export function isControl(el: Element): boolean {
  return [
    'INPUT',
    'BUTTON',
    'A',
    'SELECT',
    'SUMMARY',
  ].includes(el.tagName) || el.getAttribute('role') === 'slider'
}

function usesArrows(el: Element): boolean {
  if (el.tagName === 'INPUT')
    return ARROW_INPUT_TYPES.has((el as HTMLInputElement).type)
  return el.tagName === 'SELECT' || el.getAttribute('role') === 'slider' || el.hasAttribute('data-arrow-keys')
}

/** What a key press does when `el` has the focus. */
export function clickerAction(el: Element | null, key: string, shift = false): ClickerAction {
  if (!el || !isControl(el) || isTextEntry(el))
    return 'keep'
  if (key === 'Escape')
    return 'release'
  if (key === ' ')
    return shift ? 'prev' : 'next'
  if (key === 'Enter' && el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'checkbox')
    return 'toggle'
  if (key === 'b' || key === 'B' || key === '.')
    return 'black'
  if (key === 'w' || key === 'W')
    return 'white'
  if (key === 'PageDown' || key === 'PageUp')
    return NAV_KEYS[key]
  if ((key === 'ArrowRight' || key === 'ArrowLeft') && !shift && !usesArrows(el))
    return NAV_KEYS[key]
  return 'keep'
}

/** The keys that bring a blank screen back (and, with the screen showing, navigate). */
const RESUME_KEYS = new Set([
  'PageDown',
  'PageUp',
  'ArrowRight',
  'ArrowLeft',
  'ArrowDown',
  'ArrowUp',
  ' ',
])

/** What a key press does while the screen is blank: a navigation key shows the slide again, where it was. */
export function blankAction(el: Element | null, key: string): 'unblank' | 'keep' {
  return RESUME_KEYS.has(key) && !(el && isTextEntry(el))
    ? 'unblank'
    : 'keep'
}

export interface ClickerHooks {
  navigate: (to: 'next' | 'prev') => void
  blank: (color: 'black' | 'white') => void
  /** Whether the screen is blank now, and how to bring it back. */
  isBlank: () => boolean
  unblank: () => void
}

/** Installs the rule on a window; returns the uninstaller. */
export function installClicker(win: Window, { navigate, blank, isBlank, unblank }: ClickerHooks): () => void {
  const doc = win.document
  function onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented)
      return
    const el = doc.activeElement
    if (isBlank() && blankAction(el, event.key) === 'unblank') {
      // Before Slidev's own shortcuts (this listener is on the window's capture phase): the slide stays put.
      event.preventDefault()
      event.stopImmediatePropagation()
      unblank()
      return
    }
    const action = clickerAction(el, event.key, event.shiftKey)
    if (action === 'keep')
      return
    event.preventDefault()
    event.stopImmediatePropagation()
    if (action === 'toggle') {
      (el as HTMLInputElement).click()
      return
    }
    ;(el as HTMLElement).blur()
    if (action === 'next' || action === 'prev')
      navigate(action)
    if (action === 'black' || action === 'white')
      blank(action)
  }
  // After a pointer change the focus goes back to the slide (the change event has fired by then).
  // A number field stays focused: a click there means typing.
  function onPointerUp() {
    win.setTimeout(() => {
      const el = doc.activeElement
      if (el && isControl(el) && !isTextEntry(el) && (el as HTMLInputElement).type !== 'number')
        (el as HTMLElement).blur()
    }, 0)
  }
  win.addEventListener('keydown', onKey, true)
  win.addEventListener('pointerup', onPointerUp, true)
  return () => {
    win.removeEventListener('keydown', onKey, true)
    win.removeEventListener('pointerup', onPointerUp, true)
  }
}
