import { defineRootSetup } from '@slidev/types'
import { toggleBlank } from '../client/blankScreen'
import { installClicker } from '../client/clicker'
import { beaconWhilePresenting } from '../client/presenterBeacon'
import { modelStore } from '../client/slidevState'
import { useSlidevNav } from '../client/useRenderContext'

// A clicker that always works, in every view: see client/clicker.ts for the rule.
export default defineRootSetup(() => {
  const nav = useSlidevNav()
  if (nav && typeof window !== 'undefined') {
    installClicker(window, to => to === 'next'
      ? nav.next()
      : nav.prev(), color => toggleBlank(modelStore(), color))
    // Projector tabs opened from prerendered pages start their app at once (client/presenterBeacon.ts).
    beaconWhilePresenting(window.localStorage, () => nav.isPresenter)
  }
})
