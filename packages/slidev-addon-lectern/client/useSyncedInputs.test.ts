// @vitest-environment happy-dom
import type { ModelStore } from './useSyncedInputs'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, reactive, ref } from 'vue'
import { SLIDEV } from '../shared/slidev-internals.ts'
import { injectionModelStore, useSyncedInputs } from './useSyncedInputs'

// A model with two inputs and a script of two steps: click 1 sets a = 2, click 2 sets b = 20.
const Model = defineComponent({
  setup() {
    const { inputs, step } = useSyncedInputs('Model', () => ({ a: 1, b: 10 }), {
      steps: [
        { a: 2 },
        { b: 20 },
      ],
    })
    return () => h('p', { 'data-step': step.value }, `${inputs.a.value},${inputs.b.value}`)
  },
})

/** What Slidev provides to a component on slide 5 at `clicks.current`, in the given render context. */
function slide(store: ModelStore, clicks: { current: number }, renderContext: string) {
  const context = {
    get current() {
      return clicks.current
    },
    calculateSince: (_at: string, size: number) => ({
      start: 1,
      end: Infinity,
      max: size,
      delta: size,
    }),
    register: () => {},
    unregister: () => {},
  }
  return {
    global: {
      provide: {
        [injectionModelStore]: store,
        [SLIDEV.pageKey]: ref(5),
        [SLIDEV.clicksContextKey]: ref(context),
        [SLIDEV.contextKey]: reactive({
          nav: { currentSlideNo: 5 },
        }),
        [SLIDEV.renderContextKey]: ref(renderContext),
      },
    },
  }
}

describe('scripted steps are a script', () => {
  it('entering a step drops every change by hand, to inputs the step sets and to the others', async () => {
    const store = reactive<ModelStore>({})
    const clicks = reactive({ current: 1 })
    const live = mount(Model, slide(store, clicks, 'slide'))
    expect(live.text()).toBe('2,10')
    store['Model@5'] = { 'a': 7, 'b': 70, '~step': 1 }
    await nextTick()
    expect(live.text()).toBe('7,70')
    clicks.current = 2
    await nextTick()
    expect(live.text()).toBe('2,20')
    await nextTick()
    expect(store['Model@5']).toEqual({})
    // and back: step 1 as the script has it, not the hand change made there before
    clicks.current = 1
    await nextTick()
    expect(live.text()).toBe('2,10')
  })

  it('the presenter\'s Next preview shows what the next click brings: the script at a new step, the hand changes within one', async () => {
    const store = reactive<ModelStore>({
      'Model@5': { 'a': 7, 'b': 70, '~step': 1 },
    })
    // the next click enters step 2: the script's state
    expect(mount(Model, slide(store, reactive({ current: 2 }), 'previewNext')).text()).toBe('2,20')
    // a next click that stays on step 1 (here: the same click) keeps what was changed by hand
    expect(mount(Model, slide(store, reactive({ current: 1 }), 'previewNext')).text()).toBe('7,70')
    // the overview and print show the script alone
    expect(mount(Model, slide(store, reactive({ current: 1 }), 'overview')).text()).toBe('2,10')
  })
})
