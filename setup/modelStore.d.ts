import type { ModelStore } from '../composables/useSyncedInputs'

/** The live models' inputs, shared by every view of the deck (composables/useSyncedInputs.ts). */
export function createModelStore(channel: string): ModelStore
