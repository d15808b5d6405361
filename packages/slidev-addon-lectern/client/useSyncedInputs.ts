import type { ComputedRef, MaybeRefOrGetter, Ref, WritableComputedRef } from 'vue'
import { computed, inject, onUnmounted, reactive, toValue, watch } from 'vue'
import { useRenderContext, useSlideClicks, useSlidePage, useSlidevNav, useStaticRender } from './useRenderContext'

/** What a live model's input can be: it travels as JSON between presenter, projector and tablet. */
export type InputValue = string | number | boolean
export type Inputs = Record<string, InputValue>

/**
 * The inputs every live model changed by hand, one entry per model (`LiveMigration@38`); an input
 * missing is "as the slide and its clicks say".
 * setup/main.ts provides one shared by every view (client/slidevState.js); without it (component
 * tests) each component keeps its own.
 */
export type ModelStore = Record<string, Inputs | undefined>
export const injectionModelStore = 'deck:model-store'
/** Which kind of view moved the slides last ('presenter' | 'viewer'): only views of that kind write the automatic resets. */
export const injectionLastNavigator = 'deck:last-navigator'

export interface SyncedInputsOptions<T extends Inputs> {
  /**
   * Scripted demo steps: click k on the slide sets the inputs of steps[0..k-1] over the defaults
   * (reaching a step drops any change by hand to the inputs it sets), so the speaker runs the demo
   * with the clicker alone. The steps add their own clicks to the slide.
   */
  steps?: MaybeRefOrGetter<Partial<T>[] | undefined>
}

export interface SyncedInputsReturn<T extends Inputs> {
  /** One writable ref per input; writing one shows on every view within the sync delay. */
  inputs: { [K in keyof T]: WritableComputedRef<T[K]> }
  /** Back to the defaults (and the current click's step): drops every change made by hand. */
  reset: () => void
  /** Whether anything differs from what the slide and its clicks say (for the reset button). */
  changed: ComputedRef<boolean>
  /** Overview, next-slide preview, print: show the defaults at the slide's clicks, take no input. */
  isStatic: ComputedRef<boolean>
  /** The scripted step in force (0 = none yet). */
  step: ComputedRef<number>
}

/**
 * A live model's inputs, kept in state synced across presenter, projector and remote tablet
 * (Slidev's own sync: the dev server in `npm run dev`, a BroadcastChannel between tabs in a build).
 * A model returns to its defaults when its slide is entered; a scripted step resets the inputs it sets.
 *
 * @param name the component's name; with the slide number it names the model in the shared state
 * @param defaults the inputs with no change by hand (usually from the props)
 */
export function useSyncedInputs<T extends Inputs>(name: string, defaults: () => T, options: SyncedInputsOptions<T> = {}): SyncedInputsReturn<T> {
  const store = inject<ModelStore | undefined>(injectionModelStore, undefined) ?? reactive<ModelStore>({})
  const page = useSlidePage()
  const clicks = useSlideClicks()
  const nav = useSlidevNav()
  const renderContext = useRenderContext()
  const lastNavigator = inject<Ref<'presenter' | 'viewer' | undefined> | undefined>(injectionLastNavigator, undefined)
  const isStatic = useStaticRender()
  const id = `${name}@${page?.value ?? 0}`

  // Scripted steps take clicks of the slide's own, like v-click: Slidev counts them in the slide's total.
  const stepCount = toValue(options.steps)?.length ?? 0
  const clickInfo = stepCount && clicks?.value
    ? clicks.value.calculateSince('+1', stepCount)
    : null
  if (clickInfo && clicks) {
    const clicksContext = clicks.value
    const key = `${id}:steps`
    clicksContext.register(key, clickInfo)
    onUnmounted(() => clicksContext.unregister(key))
  }
  const step = computed(() => clickInfo && clicks
    ? Math.min(stepCount, Math.max(0, clicks.value.current - clickInfo.start + 1))
    : 0)

  const base = computed<T>(() => Object.assign(defaults(), ...(toValue(options.steps) ?? []).slice(0, step.value)))
  const own = computed<Partial<Inputs>>(() => (isStatic.value ? undefined : store[id]) ?? {})

  const inputs = Object.fromEntries(Object.keys(defaults()).map(key => [
    key,
    computed({
      get: () => (own.value[key] ?? base.value[key]) as InputValue,
      set: (value: InputValue) => {
        if (isStatic.value)
          return
        // Replace the entry whole: the sync sends top-level keys.
        store[id] = {
          ...base.value,
          ...own.value,
          [key]: value,
        }
      },
    }),
  ])) as unknown as SyncedInputsReturn<T>['inputs']

  function reset() {
    store[id] = {}
  }

  // Only the live slide takes part, and only in the kind of view that moved the slides (the presenter's,
  // usually): the sync sends the whole state, so a lagging projector writing the same reset could
  // bring back a value changed since.
  const live = renderContext?.value === 'slide' || renderContext?.value === 'presenter'
  const leads = () => !lastNavigator?.value || lastNavigator.value === (nav?.isPresenter ? 'presenter' : 'viewer')
  if (live && nav && page) {
    watch(() => nav.currentSlideNo === page.value, (active, before) => {
      if (active && !before && leads())
        reset()
    })
    // A step takes back only the inputs the steps between the two clicks set: a value changed by hand
    // elsewhere stays, and a step that settles just after the slide mounts cannot wipe a change
    // another view has made meanwhile.
    watch(step, (now, before) => {
      if (now === before || nav.currentSlideNo !== page.value || !leads())
        return
      const crossed = (toValue(options.steps) ?? []).slice(Math.min(now, before), Math.max(now, before))
      const stepKeys = new Set(crossed.flatMap(s => Object.keys(s)))
      store[id] = Object.fromEntries(Object.entries(own.value).filter(([key, value]) => value !== undefined && !stepKeys.has(key))) as Inputs
    })
  }

  const changed = computed(() => Object.keys(own.value).some(key => own.value[key] !== undefined && own.value[key] !== base.value[key]))

  return {
    inputs,
    reset,
    changed,
    isStatic,
    step,
  }
}
