import { existsSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { startPreview } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Serves the production build (`npm run test:e2e` builds it first) for every browser test. */
export default async function setup(project: TestProject) {
  // E2E_DIST lets several builds (e.g. other content) be tested side by side.
  const outDir = process.env.E2E_DIST || 'dist'
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`${outDir}/ is missing: run \`npm run build\` first`)
  }
  const server = await startPreview(outDir)
  project.provide('baseUrl', server.url)
  return server.stop
}
