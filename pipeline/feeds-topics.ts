import type { RefShard, TopicsIndex } from '../src/types/topics.ts'
import { paths } from '../src/config/paths.ts'
import { shardOf, topicKey } from '../src/lib/topics/topic-key.ts'
import type { CompiledContent } from './assemble.ts'
import { absoluteUrl, type Site } from './feeds-site.ts'
import { SITE_TITLE, writeFeed, type FeedEntry, type FeedFile } from './feeds.ts'
import { shortHash } from './ids.ts'
import { escapeHtml } from './link-previews-html.ts'

/**
 * Topic feeds are written for the most recent topics only (the topics index's order) that name at
 * least a few items: a bounded number of files however many topics three years bring.
 */
export const TOPIC_FEEDS_MAX = 50
export const TOPIC_FEED_MIN_ITEMS = 2
/** A topic feed lists this many newest items (one entry per item). */
export const TOPIC_FEED_ITEMS = 30

/**
 * A topic's file name: its ASCII words (for a person reading the URL) and a hash of its merge key
 * (so `Nano Banana` and `nano banana`, one topic, get one name, and CJK names get a name at all).
 */
export function topicSlug(name: string): string {
  const key = topicKey(name)
  const words = key
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return `${words ? `${words}-` : ''}${shortHash(key, 8)}`
}

/** One RSS feed per chosen topic, at `feeds/topics/<slug>.xml`, with the topic's newest items. */
export function buildTopicFeeds(content: CompiledContent, site: Site): FeedFile[] {
  const read = <T>(name: string): T => JSON.parse(content.files.get(name)!.text()) as T
  if (!content.head.topics || !content.files.has(content.head.topics)) return []
  const index = read<TopicsIndex>(content.head.topics)
  const shards = new Map<number, RefShard>()
  const out: FeedFile[] = []
  for (const [name, , count] of index.topics) {
    if (out.length >= TOPIC_FEEDS_MAX) break
    if (count < TOPIC_FEED_MIN_ITEMS) continue
    const key = topicKey(name)
    const at = shardOf(key, index.topicShards.length)
    let shard = shards.get(at)
    if (!shard) shards.set(at, (shard = read<RefShard>(index.topicShards[at]!)))
    const list = shard.lists[key]
    if (!list) continue
    const entries: FeedEntry[] = list.items
      .slice(0, TOPIC_FEED_ITEMS)
      .map(([id, title, time, , label]) => {
        const page = absoluteUrl(site, paths.item.getHref(id))
        return {
          title,
          link: page,
          date: new Date(time),
          html: `<p><a href="${escapeHtml(page)}">${escapeHtml(title)}</a></p>${label ? `<p>${escapeHtml(label)}</p>` : ''}`,
        }
      })
    const file = `feeds/topics/${topicSlug(name)}.xml`
    const channel = {
      title: `${name} · ${SITE_TITLE}`,
      description: `“${name}”的最新条目 / Newest items on ${name}`,
      link: absoluteUrl(site, paths.topic.getHref(name)),
    }
    out.push({
      file,
      text: writeFeed(channel, entries, { format: 'rss', self: absoluteUrl(site, file) }),
    })
  }
  return out
}
