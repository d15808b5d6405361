import { defineRootSetup } from '@slidev/types'
import { toggleBlank } from '../composables/blankScreen'
import { installClicker } from '../composables/clicker'
import { beaconWhilePresenting } from '../composables/presenterBeacon'
import { useSlidevNav } from '../composables/useRenderContext'
import { modelStore } from './slidevState'

// A clicker that always works, in every view: see composables/clicker.ts for the rule.
export default defineRootSetup(() => {
  const nav = useSlidevNav()
  if (nav && typeof window !== 'undefined') {
    installClicker(window, to => to === 'next'
      ? nav.next()
      : nav.prev(), color => toggleBlank(modelStore(), color))
    // Projector tabs opened from prerendered pages start their app at once (composables/presenterBeacon.ts).
    beaconWhilePresenting(window.localStorage, () => nav.isPresenter)
  }
})
