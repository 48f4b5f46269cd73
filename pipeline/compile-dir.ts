import { join, resolve } from 'node:path'
import { compileContent, type CompileResult } from './compile.ts'
import { shortHash } from './ids.ts'
import type { CompileCache } from './compile-cache.ts'
import { compilerVersion } from './compiler-version.ts'
import { DEFAULT_CACHE_DIR, diskCache } from './compile-cache.ts'
import { readContentDir, type ReadCounts } from './fs-content.ts'
import { compileThreads } from './compile-threads.ts'
import type { Progress } from './progress.ts'

export interface CompileDirOptions {
  lenient?: boolean
  /**
   * A cache folder, `false` for none (a cold build), or a cache object (the dev server's). By
   * default a folder per content root, so building one archive never prunes another's cache.
   */
  cache?: string | false | CompileCache
  progress?: Progress
}

/**
 * Reads a content folder and compiles it, reusing the cache (by default on disk, so a rebuild after
 * one new digest compiles that digest alone). The one entry point
 * of the CLI, `vite build` and the dev server.
 */
export async function compileDir(
  root: string,
  options: CompileDirOptions = {},
): Promise<CompileResult & { ms: number; readMs: number; read: ReadCounts }> {
  const start = performance.now()
  const cache =
    options.cache === false
      ? undefined
      : typeof options.cache === 'object'
        ? options.cache
        : diskCache(options.cache ?? join(DEFAULT_CACHE_DIR, shortHash(resolve(root), 12)))
  const { counts: read, ...source } = await readContentDir(root, { stamps: cache?.stamps })
  const readMs = performance.now() - start
  // Files not in the cache are parsed on every core when there are enough of them to pay for
  // starting a thread (a cold build); a few changed files compile here.
  const threads = compileThreads(source, { lenient: options.lenient })
  let result: CompileResult
  try {
    result = await compileContent(source, {
      lenient: options.lenient,
      cache,
      compileFiles: threads.compileFiles,
      buildSegments: threads.buildSegments,
      compilerVersion: compilerVersion(),
      onProgress: options.progress?.update,
    })
  } finally {
    await threads.close()
    options.progress?.end()
  }
  // Only a finished run saves and prunes: a failed one keeps what a fix will want again.
  if (result.ok) await cache?.save()
  return { ...result, ms: performance.now() - start, readMs, read }
}
