import type { ModelStore } from './useSyncedInputs'

/** The projector's blank screen (PowerPoint and Keynote's B / W / .), shared by every view. */
export type Blank = 'black' | 'white' | 'none'

/** The shared key under which the blank state travels with the live models' inputs. */
export const BLANK_KEY = 'screen'

export function blankOf(store: ModelStore): Blank {
  const value = store[BLANK_KEY]?.blank
  return value === 'black' || value === 'white'
    ? value
    : 'none'
}

/** B → black, W → white, `.` → black; the same key again (or the other one) brings the slide back. */
export function toggleBlank(store: ModelStore, color: Exclude<Blank, 'none'>): void {
  store[BLANK_KEY] = {
    blank: blankOf(store) === color
      ? 'none'
      : color,
  }
}

/** Shows the slide again (any navigation key, the presenter's button). */
export function unblank(store: ModelStore): void {
  if (blankOf(store) !== 'none')
    store[BLANK_KEY] = { blank: 'none' }
}

/** The shared key under which the colour scheme travels, so the projector follows the presenter's `d`. */
export const APPEARANCE_KEY = 'appearance'

/** The shared colour scheme: true dark, false light, undefined when no view has switched it yet. */
export function sharedDark(store: ModelStore): boolean | undefined {
  const value = store[APPEARANCE_KEY]?.dark
  return typeof value === 'boolean'
    ? value
    : undefined
}
