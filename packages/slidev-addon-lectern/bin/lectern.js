#!/usr/bin/env node
// The `lectern` command. Installed from a tarball or the registry, the kit runs its compiled JavaScript
// (dist/, made by `npm pack`: Node does not strip types under node_modules); in this repository's workspace,
// where dist/ is not built, it runs the TypeScript sources.
import { existsSync } from 'node:fs'
import process from 'node:process'

const compiled = new URL('../dist/node/main.js', import.meta.url)
const { main } = await import(existsSync(compiled)
  ? compiled.href
  : new URL('../node/main.ts', import.meta.url).href)
process.exitCode = await main()
