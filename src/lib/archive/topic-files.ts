/**
 * Where the topic, source and story files of a topics index are: the counterpart of
 * archive-files.ts for the files the topics index names (docs/content-format.md).
 */
import type { TopicEntry, TopicsIndex } from '@/types/topics'
import { shardOf, sourceKey, topicKey } from '@/lib/topics/topic-key'

/** The topic a name (its own or an alias, in any case, width or spacing) belongs to. */
export function findTopic(index: TopicsIndex, name: string): TopicEntry | undefined {
  const key = topicKey(name)
  return index.topics.find((t) => topicKey(t[0]) === key || t[1].some((a) => topicKey(a) === key))
}

/** The shard holding a topic's list, and its key there. */
export function topicShard(index: TopicsIndex, name: string): { file: string; key: string } {
  const key = topicKey(name)
  return { file: index.topicShards[shardOf(key, index.topicShards.length)]!, key }
}

/** The shard holding a source's list (`dotey`, `github.com`), and its key there. */
export function sourceShard(index: TopicsIndex, handle: string): { file: string; key: string } {
  const key = sourceKey({ host: handle })
  return { file: index.sourceShards[shardOf(key, index.sourceShards.length)]!, key }
}

/** The story shard a story key (linkKey, titleKey) lives in. */
export function storyShard(index: TopicsIndex, key: string): string {
  return index.storyShards[shardOf(key, index.storyShards.length)]!
}

export { sourceKey }
