#!/usr/bin/env node
// The `lectern` command. Installed (from a tarball or the registry) the kit sits under node_modules, where Node
// strips no types: it runs the JavaScript `npm pack` compiled into dist/. In this repository's workspace it runs
// the TypeScript sources.
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const installed = fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules')
const { main } = await import(installed
  ? '../dist/node/main.js'
  : '../node/main.ts')
process.exitCode = await main()
