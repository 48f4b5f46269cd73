/**
 * The archive's files as TanStack Query options, and the loaders that chain them: head → month
 * page → chunk. Route loaders call the loaders (`ensureQueryData` underneath); components read the
 * same options, so a page renders from the cache the loader warmed. Every file name is
 * content-hashed, so each is fetched once and kept (`staleTime: Infinity`).
 */
import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { headFile } from 'virtual:digest-content'
import {
  aggregatesSchema,
  chunkSchema,
  digestIdOfItem,
  headSchema,
  monthPageSchema,
  type Digest,
  type DigestSummary,
  type Head,
  type Item,
  type MonthEntry,
  type MonthPage,
} from '@/types/content'
import { DataLoadError, fetchJson } from '@/lib/fetch-json'
import { dataFileUrl, headUrl, monthOfDigest } from './archive-files'

/**
 * Files are named by their content and kept forever, so a fetch is never cancelled when the view
 * that asked for it goes away (no `signal`): a row that scrolls out and back in, or a loader
 * overtaken by another navigation, would otherwise download the same file twice.
 */
export const archiveQueries = {
  /** The head: newest digests, months, publishers, and where everything else is. */
  head: () =>
    queryOptions({
      queryKey: ['archive', 'head', headFile],
      queryFn: ({ signal }) => {
        // index.html names the head; a page served without that link (not the built one) cannot
        // know which digests to show, and says so instead of guessing.
        if (!headFile)
          throw new DataLoadError('index.html does not name the digest head', 'index.html')
        return fetchJson(headUrl(headFile), headSchema, signal)
      },
    }),
  /** One month's digest summaries. */
  month: (file: string) =>
    queryOptions({
      queryKey: ['archive', 'month', file],
      queryFn: () => fetchJson(dataFileUrl(file), monthPageSchema),
    }),
  /** A run of one publisher's full digests. */
  chunk: (file: string) =>
    queryOptions({
      queryKey: ['archive', 'chunk', file],
      queryFn: () => fetchJson(dataFileUrl(file), chunkSchema),
    }),
  /** A full digest by id (null when unknown), through head, month page and chunk. */
  digest: (digestId: string) =>
    queryOptions({
      queryKey: ['archive', 'digest', headFile, digestId],
      queryFn: ({ client }) => loadDigest(client, digestId),
    }),
  /** An item and its digest by item id (null when unknown). */
  item: (itemId: string) =>
    queryOptions({
      queryKey: ['archive', 'item', headFile, itemId],
      queryFn: ({ client }) => loadItem(client, itemId),
    }),
  /** The digests before and after one of the same publisher. */
  neighbours: (summary: DigestSummary) =>
    queryOptions({
      queryKey: ['archive', 'neighbours', summary.id, summary.chunk],
      queryFn: ({ client }) => loadNeighbours(client, summary),
    }),
  /** Categories, terms and sources with counts. */
  aggregates: (file: string) =>
    queryOptions({
      queryKey: ['archive', 'aggregates', file],
      queryFn: () => fetchJson(dataFileUrl(file), aggregatesSchema),
    }),
}

/** The head, from the cache or the network. */
export const loadHead = (client: QueryClient) => client.ensureQueryData(archiveQueries.head())

/** A month's page. */
export const loadMonth = (client: QueryClient, month: MonthEntry) =>
  client.ensureQueryData(archiveQueries.month(month.file))

/** The aggregates. */
export async function loadAggregates(client: QueryClient) {
  const head = await loadHead(client)
  return client.ensureQueryData(archiveQueries.aggregates(head.aggregates))
}

/** A digest's summary, or null when the archive has no such digest. */
export async function loadSummary(
  client: QueryClient,
  digestId: string,
): Promise<DigestSummary | null> {
  const head = await loadHead(client)
  const newest = head.newest.find((d) => d.id === digestId)
  if (newest) return newest
  const month = monthOfDigest(head, digestId)
  if (!month) return null
  const page = await loadMonth(client, month)
  return page.digests.find((d) => d.id === digestId) ?? null
}

/** The full digest with this id, or null; the head's newest digests need no other file. */
export async function loadDigest(client: QueryClient, digestId: string): Promise<Digest | null> {
  const head = await loadHead(client)
  const newest = head.newest.find((d) => d.id === digestId)
  if (newest) return newest
  const summary = await loadSummary(client, digestId)
  if (!summary) return null
  const chunk = await client.ensureQueryData(archiveQueries.chunk(summary.chunk))
  return chunk.digests.find((d) => d.id === digestId) ?? null
}

/** An item and its digest by item id, or null when either is unknown. */
export async function loadItem(
  client: QueryClient,
  itemId: string,
): Promise<{ digest: Digest; item: Item } | null> {
  const digest = await loadDigest(client, digestIdOfItem(itemId))
  const item = digest?.items.find((i) => i.id === itemId)
  return digest && item ? { digest, item } : null
}

/** The page of summaries a digest is listed on, and the months either side with its publisher. */
function neighbourMonths(head: Head, summary: DigestSummary) {
  const month = monthOfDigest(head, summary.id)
  const own = head.months.filter((m) => (m.publishers[summary.publisher] ?? 0) > 0)
  const at = month ? own.findIndex((m) => m.month === month.month) : -1
  return { month, newer: own[at - 1], older: own[at + 1] }
}

/**
 * The next newer and next older digest of the same publisher, for previous/next navigation (a
 * reader paging through one publisher's digests should not jump to another's). Loads the month
 * pages either side only when the digest is the first or last of its month.
 */
export async function loadNeighbours(
  client: QueryClient,
  summary: DigestSummary,
): Promise<{ newer?: DigestSummary; older?: DigestSummary }> {
  const head = await loadHead(client)
  const months = neighbourMonths(head, summary)
  if (!months.month) return {}
  const own = (page: MonthPage) => page.digests.filter((d) => d.publisher === summary.publisher)
  const list = own(await loadMonth(client, months.month))
  const at = list.findIndex((d) => d.id === summary.id)
  let newer: DigestSummary | undefined = list[at - 1]
  let older: DigestSummary | undefined = list[at + 1]
  if (!newer && months.newer) newer = own(await loadMonth(client, months.newer)).at(-1)
  if (!older && months.older) older = own(await loadMonth(client, months.older))[0]
  return { newer, older }
}

/** The head; a route loader has put it in the cache. */
export function useHead(): Head {
  return useSuspenseQuery(archiveQueries.head()).data
}
