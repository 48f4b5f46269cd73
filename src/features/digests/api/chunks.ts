import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { chunkSchema, digestIdOfItem, type Digest, type Item, type Manifest } from '@/types/content'
import { dataUrl, fetchJson } from '@/lib/fetch-json'
import { manifestQueryOptions } from './manifest'

/** One month of full digests; the file name is content-hashed, so it is cached forever. */
export const chunkQueryOptions = (file: string) =>
  queryOptions({
    queryKey: ['chunk', file],
    queryFn: ({ signal }) => fetchJson(dataUrl(`data/${file}`), chunkSchema, signal),
  })

/** Loads the full digest with this id, or null when the archive has no such digest. */
export async function loadDigest(client: QueryClient, digestId: string): Promise<Digest | null> {
  const manifest = await client.ensureQueryData(manifestQueryOptions())
  const summary = manifest.digests.find((d) => d.id === digestId)
  const file = summary && manifest.chunks[summary.chunk]
  if (!file) return null
  const chunk = await client.ensureQueryData(chunkQueryOptions(file))
  return chunk.digests.find((d) => d.id === digestId) ?? null
}

/** Loads an item and its digest by item id, or null when either is unknown. */
export async function loadItem(
  client: QueryClient,
  itemId: string,
): Promise<{ digest: Digest; item: Item } | null> {
  const digest = await loadDigest(client, digestIdOfItem(itemId))
  const item = digest?.items.find((i) => i.id === itemId)
  return digest && item ? { digest, item } : null
}

/**
 * The next newer and next older digest of the same publisher, for previous/next navigation: a
 * reader paging through one publisher's digests should not jump to another's.
 */
export function neighboursOf(manifest: Manifest, digestId: string) {
  const current = manifest.digests.find((d) => d.id === digestId)
  if (!current) return { newer: undefined, older: undefined }
  const own = manifest.digests.filter((d) => d.publisher === current.publisher)
  const index = own.indexOf(current)
  return { newer: own[index - 1], older: own[index + 1] }
}
