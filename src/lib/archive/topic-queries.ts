/**
 * Topic, source and story files as TanStack Query options and loaders, in the pattern of
 * archive-queries.ts: every file is content-hashed, so each is fetched once and kept. Only the
 * pages that show topics import this module (and its schemas).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import {
  refPageSchema,
  refShardSchema,
  storyShardSchema,
  topicsIndexSchema,
  type ItemRef,
  type RefList,
  type TopicEntry,
  type TopicsIndex,
} from '@/types/topics'
import type { Item } from '@/types/content'
import { fetchJson } from '@/lib/fetch-json'
import { linkKey, titleKey } from '@/lib/topics/topic-key'
import { dataFileUrl } from './archive-files'
import { loadHead } from './archive-queries'
import { findTopic, sourceShard, storyShard, topicShard } from './topic-files'

export const topicQueries = {
  /** Every topic, and where the topic, source and story shards are. */
  index: (file: string) =>
    queryOptions({
      queryKey: ['archive', 'topics', file],
      queryFn: () => fetchJson(dataFileUrl(file), topicsIndexSchema),
    }),
  /** A shard of topic or source lists. */
  shard: (file: string) =>
    queryOptions({
      queryKey: ['archive', 'ref-shard', file],
      queryFn: () => fetchJson(dataFileUrl(file), refShardSchema),
    }),
  /** A page of a list's older items. */
  page: (file: string) =>
    queryOptions({
      queryKey: ['archive', 'ref-page', file],
      queryFn: () => fetchJson(dataFileUrl(file), refPageSchema),
    }),
  /** A shard of stories. */
  stories: (file: string) =>
    queryOptions({
      queryKey: ['archive', 'stories', file],
      queryFn: () => fetchJson(dataFileUrl(file), storyShardSchema),
    }),
}

/** The topics index, or null for an archive compiled without one. */
export async function loadTopicsIndex(client: QueryClient): Promise<TopicsIndex | null> {
  const head = await loadHead(client)
  return head.topics ? client.ensureQueryData(topicQueries.index(head.topics)) : null
}

/** A topic by any of its names, with its list; null when no topic goes by that name. */
export async function loadTopic(
  client: QueryClient,
  name: string,
): Promise<{ index: TopicsIndex; entry: TopicEntry; list: RefList } | null> {
  const index = await loadTopicsIndex(client)
  const entry = index && findTopic(index, name)
  if (!index || !entry) return null
  const { file, key } = topicShard(index, entry[0])
  const list = (await client.ensureQueryData(topicQueries.shard(file))).lists[key]
  return list ? { index, entry, list } : null
}

/** A source's list by handle (`dotey`) or host (`github.com`); null when unknown. */
export async function loadSource(client: QueryClient, handle: string): Promise<RefList | null> {
  const index = await loadTopicsIndex(client)
  if (!index) return null
  const { file, key } = sourceShard(index, handle)
  return (await client.ensureQueryData(topicQueries.shard(file))).lists[key] ?? null
}

/** How many of an item's topics the related items are drawn from (the rarest first). */
const RELATED_TOPICS = 4
const RELATED = 6

export interface Related {
  /** The item's story, oldest first (itself included), when other items tell it too. */
  story: ItemRef[]
  /** Other items sharing its topics, best first, with the topics they share. */
  related: { ref: ItemRef; shared: string[] }[]
}

/**
 * An item's story (same link or near-identical title) and its related items: other items naming
 * its topics, scored by the topics they share, a rare topic counting more than a common one.
 */
export async function loadRelated(client: QueryClient, item: Item): Promise<Related> {
  const index = await loadTopicsIndex(client)
  if (!index) return { story: [], related: [] }
  const keys = [linkKey(item.url), titleKey(item.title)].filter((k): k is string => !!k)
  const storyShards = await Promise.all(
    keys.map((k) => client.ensureQueryData(topicQueries.stories(storyShard(index, k)))),
  )
  const found = keys
    .map((k, i) => storyShards[i]!.groups[storyShards[i]!.keys[k] ?? -1])
    .find((g) => g?.some((r) => r[0] === item.id))
  const story = found ?? []
  const entries = [...new Set(item.terms.map((t) => findTopic(index, t)).filter((e) => !!e))]
    .sort((a, b) => a[2] - b[2])
    .slice(0, RELATED_TOPICS)
  const lists = await Promise.all(
    entries.map(async (e) => {
      const { file, key } = topicShard(index, e[0])
      return (await client.ensureQueryData(topicQueries.shard(file))).lists[key]
    }),
  )
  const skip = new Set([item.id, ...story.map((r) => r[0])])
  const scored = new Map<string, { ref: ItemRef; shared: string[]; score: number }>()
  lists.forEach((list, i) => {
    if (!list) return
    const weight = 1 / Math.log2(2 + list.total)
    for (const ref of list.items) {
      if (skip.has(ref[0])) continue
      const s = scored.get(ref[0]) ?? { ref, shared: [], score: 0 }
      s.score += weight
      s.shared.push(entries[i]![0])
      scored.set(ref[0], s)
    }
  })
  const related = [...scored.values()]
    .sort((a, b) => b.score - a.score || b.ref[2] - a.ref[2])
    .slice(0, RELATED)
    .map(({ ref, shared }) => ({ ref, shared }))
  return { story, related }
}

/** Options for an item's story and related items. */
export const relatedQuery = (item: Item) =>
  queryOptions({
    queryKey: ['archive', 'related', item.id],
    queryFn: ({ client }) => loadRelated(client, item),
  })
