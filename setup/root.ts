import { defineRootSetup } from '@slidev/types'
import { installClicker } from '../composables/clicker'
import { useSlidevNav } from '../composables/useRenderContext'

// A clicker that always works, in every view: see composables/clicker.ts for the rule.
export default defineRootSetup(() => {
  const nav = useSlidevNav()
  if (nav && typeof window !== 'undefined') {
    installClicker(window, to => to === 'next'
      ? nav.next()
      : nav.prev())
  }
})
