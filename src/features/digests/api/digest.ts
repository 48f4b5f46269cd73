import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import type { Digest, DigestSummary, Manifest } from '@/types/content'
import { manifestQueryOptions } from './manifest'
import { chunkQueryOptions } from './chunks'

/** The manifest; route loaders have already put it in the cache. */
export function useManifest(): Manifest {
  return useSuspenseQuery(manifestQueryOptions()).data
}

const pick = (summary: DigestSummary) => (chunk: { digests: Digest[] }) =>
  chunk.digests.find((d) => d.id === summary.id) ?? null

/** A full digest whose month chunk a route loader has already loaded (suspends otherwise). */
export function useDigest(manifest: Manifest, summary: DigestSummary): Digest | null {
  const file = manifest.chunks[summary.chunk] ?? ''
  return useSuspenseQuery({ ...chunkQueryOptions(file), select: pick(summary) }).data
}

/**
 * A full digest loaded on demand (the timeline scrolls into new months): the query starts when the
 * digest is first rendered and is shared with every other digest of the same month.
 */
export function useLazyDigest(manifest: Manifest, summary: DigestSummary) {
  const file = manifest.chunks[summary.chunk] ?? ''
  return useQuery({ ...chunkQueryOptions(file), select: pick(summary), enabled: file !== '' })
}

/** Digests filed under a category, newest first (the manifest's order). */
export function digestsInCategory(manifest: Manifest, name: string): DigestSummary[] {
  return manifest.digests.filter((d) => d.categories.includes(name))
}
