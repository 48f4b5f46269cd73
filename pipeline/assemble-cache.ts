/**
 * Reuses what an earlier assembly built from the same inputs: a month's chunks and term counts,
 * a year's search segment, a topic's older page. Values are plain JSON with file texts as Bodies.
 * The compile cache (compile-cache.ts) implements it.
 */
export interface AssembleCache {
  lookup<T>(kind: string, fingerprint: string): T | undefined
  store(kind: string, fingerprint: string, value: unknown): void
}

/** For a build without a cache: nothing found, nothing kept. */
export const noCache: AssembleCache = { lookup: () => undefined, store: () => undefined }

/** `build()`, or what the cache kept of it under `kind` and `fingerprint`. */
export function memo<T>(
  cache: AssembleCache,
  kind: string,
  fingerprint: string,
  build: () => T,
): T {
  const hit = cache.lookup<T>(kind, fingerprint)
  if (hit !== undefined) return hit
  const value = build()
  cache.store(kind, fingerprint, value)
  return value
}
