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
/** Key in a model's entry of the scripted step its changes by hand were made at. */
const STEP_TAG = '~step'

export interface SyncedInputsOptions<T extends Inputs> {
  /**
   * Scripted demo steps: click k on the slide sets the inputs of steps[0..k-1] over the defaults, and
   * entering a step (forward or back) drops every change made by hand, so the screen shows what the
   * script — and the notes — say; the speaker runs the demo with the clicker alone. The presenter's
   * Next preview shows the state the next click produces. The steps add their own clicks to the slide.
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
 * A model returns to its defaults when its slide is entered, and to the script's state when a scripted step is entered.
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
  // A change by hand is tagged with the step it was made at, and counts only there: a step entered shows the
  // script's state at once, before the reset below reaches every view. The presenter's Next preview takes the
  // live changes when the next click stays on the same step, so it shows what the next click really brings.
  const own = computed<Partial<Inputs>>(() => {
    const entry = isStatic.value && renderContext?.value !== 'previewNext'
      ? undefined
      : store[id]
    if (!entry || Number(entry[STEP_TAG] ?? 0) !== step.value)
      return {}
    const { [STEP_TAG]: _tag, ...inputs } = entry
    return inputs
  })

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
          [STEP_TAG]: step.value,
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
    // Entering a step is entering the script's state: the changes by hand made at the step being left go (the tag
    // above already hides them), so coming back to that step shows the script again. Only those: a view whose step
    // settles just after the slide mounts cannot wipe a change another view has made meanwhile at the current step.
    watch(step, (now, before) => {
      if (now === before || nav.currentSlideNo !== page.value || !leads() || !store[id] || Number(store[id]![STEP_TAG] ?? 0) !== before)
        return
      store[id] = {}
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
