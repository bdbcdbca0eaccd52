#!/usr/bin/env node
// Entry for `npx relief`: the TypeScript CLI, run without a build step (bin/launch.js bundles it, or tsx).
import { launch } from './launch.js'

await launch('pipelines/cli.ts')
