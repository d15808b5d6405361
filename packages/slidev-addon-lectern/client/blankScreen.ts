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
