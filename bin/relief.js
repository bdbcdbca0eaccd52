#!/usr/bin/env node
// Entry for `npx relief`: registers tsx so the TypeScript CLI runs without a build step.
import { register } from 'tsx/esm/api'

register()
await import('../pipelines/cli.ts')
