// Slidev's extension point for an addon's Vite plugins: the kit's build-time plugins for every deck that lists it.
import { defineVitePluginsSetup } from '@slidev/types'
import { lecternPlugins } from '../node/vite/plugins.ts'

export default defineVitePluginsSetup(() => lecternPlugins())
