import { defineRootSetup } from '@slidev/types'
import { watch } from 'vue'
import { useRouter } from 'vue-router'
import { APPEARANCE_KEY, blankOf, sharedDark, toggleBlank, unblank } from '../client/blankScreen'
import { installClicker } from '../client/clicker'
import { beaconWhilePresenting } from '../client/presenterBeacon'
import { PRESENTER_POSITION_KEY } from '../client/rejoin'
import { isDark, modelStore, useNav } from '../client/slidevState'
import { watchStageDirections } from '../client/stageDirections'
import { useKitMessages } from '../client/useRenderContext'
import { isPrintUrl, SLIDEV_ROUTES } from '../shared/slidev-internals'

export default defineRootSetup(() => {
  if (typeof window === 'undefined')
    return
  const nav = useNav()
  const t = useKitMessages()
  const store = modelStore()
  // A clicker that always works, in every view: see client/clicker.ts for the rule.
  installClicker(window, {
    navigate: to => to === 'next'
      ? nav.next()
      : nav.prev(),
    blank: color => toggleBlank(store, color),
    isBlank: () => blankOf(store) !== 'none',
    unblank: () => unblank(store),
  })
  // Projector tabs opened from prerendered pages start their app at once, and one opened at `/` joins the
  // presenter's slide (client/presenterBeacon.ts, client/rejoin.ts).
  beaconWhilePresenting(window.localStorage, () => nav.isPresenter.value)
  watch([nav.isPresenter, nav.currentSlideNo, nav.clicks], ([presenter, page, clicks]) => {
    if (presenter)
      window.localStorage.setItem(PRESENTER_POSITION_KEY, JSON.stringify({ page, clicks }))
  }, { immediate: true })

  // Dark mode follows whoever pressed `d` last, on every device (Slidev keeps it per browser). Not in print:
  // the export chooses its own scheme.
  const printing = isPrintUrl(window.location, import.meta.env.BASE_URL)
  if (!printing) {
    watch(() => sharedDark(store), (dark) => {
      if (dark !== undefined && dark !== isDark.value)
        isDark.value = dark
    }, { immediate: true })
    watch(isDark, (dark) => {
      if (sharedDark(store) !== dark)
        store[APPEARANCE_KEY] = { dark }
    })
  }

  // Stage directions set apart in the presenter's and the notes page's notes.
  const route = useRouter().currentRoute
  let stop: (() => void) | undefined
  watch(() => route.value.name, (name) => {
    const wanted = name === SLIDEV_ROUTES.presenter || name === SLIDEV_ROUTES.notes
    if (wanted && !stop) {
      stop = watchStageDirections(document, t.stageLabel)
    }
    else if (!wanted && stop) {
      stop()
      stop = undefined
    }
  }, { immediate: true })
})
