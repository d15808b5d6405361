import { defineShortcutsSetup } from '@slidev/types'
import { toggleBlank } from '../client/blankScreen'
import { modelStore } from '../client/slidevState'

// Black and white screen, as in PowerPoint and Keynote (a clicker's "blank" button sends B or .).
// The state is shared: pressed in the presenter view, the projector goes dark (global-top.vue).
export default defineShortcutsSetup((_nav, base) => [
  ...base,
  {
    name: 'deck_black',
    key: 'b',
    fn: () => toggleBlank(modelStore(), 'black'),
  },
  {
    name: 'deck_black_period',
    key: '.',
    fn: () => toggleBlank(modelStore(), 'black'),
  },
  {
    name: 'deck_white',
    key: 'w',
    fn: () => toggleBlank(modelStore(), 'white'),
  },
])
