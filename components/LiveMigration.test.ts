import type { ModelStore } from 'slidev-addon-lectern/client/useSyncedInputs.ts'
import { mount } from '@vue/test-utils'
import { injectionModelStore } from 'slidev-addon-lectern/client/useSyncedInputs.ts'
import { SLIDEV } from 'slidev-addon-lectern/shared/slidev-internals.ts'
import { describe, expect, it } from 'vitest'
import { nextTick, reactive, ref } from 'vue'
import { simulatePrecopy } from '../models/migration'
import LiveMigration from './LiveMigration.vue'

const text = (w: ReturnType<typeof mount>, id: string) => w.get(`[data-testid="${id}"]`).text()

describe('<LiveMigration />', () => {
  it('starts on the worked example: 69 ms downtime, 1.25 GiB, λ = 0.20, rounds 1024 → 204.8 → 40.96 MiB', () => {
    const w = mount(LiveMigration)
    expect(text(w, 'migration-downtime')).toBe('69 ms')
    expect(text(w, 'migration-total-data')).toBe('1.25 GiB')
    expect(text(w, 'migration-lambda')).toBe('λ = D/B = 0.20')
    expect(text(w, 'migration-verdict')).toBe('收敛')
    const sent = w.findAll('.lm-table tbody tr').map(tr => tr.findAll('td')[1].text())
    expect(sent).toEqual(['1024', '204.8', '40.96', '8.19'])
    // the bar chart has a pair of bars per row
    expect(w.findAll('.lm-chart rect.lm-bar-dirty')).toHaveLength(4)
  })

  it('driving the dirty-rate slider past the bandwidth makes it never converge', async () => {
    const w = mount(LiveMigration)
    await w.get('input[aria-label="脏页率"]').setValue('150')
    expect(text(w, 'migration-lambda')).toBe('λ = D/B = 1.20')
    expect(text(w, 'migration-downtime')).toBe('∞')
    expect(text(w, 'migration-verdict')).toBe('永不收敛')
    expect(text(w, 'migration-note')).toBe('原因：λ ≥ 1')
  })

  it('a writable working set above B × downtime limit stops convergence although λ = 0.20', async () => {
    const w = mount(LiveMigration)
    await w.get('input[aria-label="可写工作集"]').setValue('64')
    expect(text(w, 'migration-lambda')).toBe('λ = D/B = 0.20')
    expect(text(w, 'migration-verdict')).toBe('永不收敛')
    expect(text(w, 'migration-note')).toBe('原因：W > B × 停机上限')
    await w.get('input[aria-label="停机时间上限"]').setValue('600')
    expect(text(w, 'migration-verdict')).toBe('收敛')
  })

  it('a moderate dirty rate changes the downtime to the model\'s value', async () => {
    const w = mount(LiveMigration)
    await w.get('input[aria-label="脏页率"]').setValue('60')
    const r = simulatePrecopy({ memoryMiB: 1024, bandwidthMBps: 125, dirtyRateMBps: 60 })
    expect(text(w, 'migration-downtime')).toBe(`${Math.round(r.downtimeS * 1000)} ms`)
    expect(w.findAll('.lm-table tbody tr')).toHaveLength(r.rows.length)
  })

  it('auto-converge throttles a λ = 1.2 guest until it converges, shown per round', async () => {
    const w = mount(LiveMigration, {
      props: { dirtyRateMBps: 150 },
    })
    await w.get('.lm-auto input').setValue(true)
    expect(text(w, 'migration-verdict')).toMatch(/^收敛（限速到 \d+%）$/)
    const throttles = w.findAll('.lm-table tbody tr').map(tr => tr.findAll('td')[4].text())
    expect(throttles.slice(0, 3)).toEqual(['—', '20%', '30%'])
  })

  it('under legacy Xen rules it stops the λ = 1.2 guest at 3·M: 5.00 GiB sent, 8.59 s downtime', async () => {
    const w = mount(LiveMigration, {
      props: { dirtyRateMBps: 150 },
    })
    await w.get('input[type="radio"][value="xen-legacy"]').setValue(true)
    expect(text(w, 'migration-verdict')).toBe('被数据量上限截停')
    expect(text(w, 'migration-total-data')).toBe('5.00 GiB')
    expect(text(w, 'migration-downtime')).toBe('8.59 s')
  })
})

describe('<LiveMigration /> presented', () => {
  // What Slidev provides to a component on slide 38 (packages/slidev-addon-lectern/shared/slidev-internals.ts names the keys).
  function slide(store: ModelStore, clicks = reactive({ current: 0 })) {
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
      clicks,
      provide: {
        [injectionModelStore]: store,
        [SLIDEV.pageKey]: ref(38),
        [SLIDEV.clicksContextKey]: ref(context),
        [SLIDEV.contextKey]: reactive({
          nav: { currentSlideNo: 38 },
        }),
        [SLIDEV.renderContextKey]: ref('slide'),
      },
    }
  }

  it('two views of the slide share one store: a slider moved in one moves the other; reset brings both back', async () => {
    const store = reactive<ModelStore>({})
    const presenter = mount(LiveMigration, {
      global: { provide: slide(store).provide },
    })
    const audience = mount(LiveMigration, {
      global: { provide: slide(store).provide },
    })
    await presenter.get('input[aria-label="脏页率"]').setValue('125')
    expect(text(audience, 'migration-lambda')).toBe('λ = D/B = 1.00')
    expect(audience.get('[data-testid="model-reset"]').classes()).toContain('changed')
    await audience.get('[data-testid="model-reset"]').trigger('click')
    expect(text(presenter, 'migration-lambda')).toBe('λ = D/B = 0.20')
  })

  it('scripted steps follow the clicks: 25 → 100 → 125 MB/s, then auto-converge', async () => {
    const store = reactive<ModelStore>({})
    const { clicks, provide } = slide(store)
    const w = mount(LiveMigration, {
      props: {
        steps: [
          { dirtyRateMBps: 100 },
          { dirtyRateMBps: 125 },
          { autoConverge: true },
        ],
      },
      global: { provide },
    })
    const lambdas = []
    for (const click of [0, 1, 2, 3]) {
      clicks.current = click
      await nextTick()
      lambdas.push(text(w, 'migration-lambda'))
    }
    expect(lambdas).toEqual([
      'λ = D/B = 0.20',
      'λ = D/B = 0.80',
      'λ = D/B = 1.00',
      'λ = D/B = 1.00',
    ])
    expect(text(w, 'migration-verdict')).toMatch(/^收敛（限速到 \d+%）$/)
    // entering a step is entering the script's state: a change by hand to an input the steps set goes …
    await w.get('input[aria-label="脏页率"]').setValue('50')
    expect(text(w, 'migration-lambda')).toBe('λ = D/B = 0.40')
    clicks.current = 1
    await nextTick()
    await nextTick()
    expect(text(w, 'migration-lambda')).toBe('λ = D/B = 0.80')
    // … and so does one to an input no step sets (the bandwidth 250 MB/s: λ would be 125 / 250)
    await w.get('input[aria-label="带宽"]').setValue('250')
    expect(text(w, 'migration-lambda')).toBe('λ = D/B = 0.40')
    clicks.current = 2
    await nextTick()
    await nextTick()
    expect(text(w, 'migration-lambda')).toBe('λ = D/B = 1.00')
    expect(store['LiveMigration@38']).toEqual({})
  })
})
