import { CONTENT_SCHEMA_VERSION } from '../src/types/content.ts'
import type { ItemRef, RefList, TopicEntry, TopicsIndex } from '../src/types/topics.ts'
import { shardOf, topicKey, weekOf } from '../src/lib/topics/topic-key.ts'
import type { DigestFacts, ItemFacts } from './topic-facts.ts'
import type { AliasEntry } from './topic-aliases.ts'
import { mergeTopics, type Topics } from './topic-merge.ts'
import { shortHash } from './ids.ts'
import { outputChecker, type OutputChecker } from './check-output.ts'
import { inline, type Body } from './body.ts'
import { noCache, type AssembleCache } from './assemble-cache.ts'

/** A list keeps this many newest items in its shard; older ones go to pages of OLDER_PAGE. */
export const INLINE_REFS = 300
export const OLDER_PAGE = 1000
/** About this many item refs per shard: a shard is a few tens of KB compressed. */
const REFS_PER_SHARD = 1200
/** Topics shown beside a topic; items of one story kept. */
const BESIDE = 8
const STORY_LIMIT = 50
/** Items of near-identical titles are one story only this close in time. */
const TITLE_WINDOW_MS = 14 * 86_400_000
/** "Recent" is the archive's last four weeks. */
const RECENT_WEEKS = 4

export interface TopicFiles {
  /** Index file name (relative to the data directory). */
  index: string
  files: [name: string, body: Body][]
}

interface ListBuild {
  name: string
  refs: ItemRef[]
  weeks: Map<number, number>
  beside: Map<string, number>
  /** The list's refs as runs of one period each, newest first: [period index, refs]. */
  runs: [number, number][]
  /** What the list's refs depend on besides their periods (a topic's forms). */
  print: string
}

/**
 * A run of consecutive digests (a local month) and a fingerprint of everything they came from:
 * an older page made only of unchanged periods is taken from the cache, not written again.
 */
export interface Period {
  digests: number
  print: string
}

export interface TopicBuildOptions {
  /** How `digests` fall into periods, in order; one period of all of them by default. */
  periods?: Period[]
  cache?: AssembleCache
  checker?: OutputChecker
}

/**
 * The topic, source and story files of the whole archive, from every item's facts, newest digest
 * first. One pass over the items plus sorting the lists' small maps: linear in the archive.
 */
export function buildTopicFiles(
  digests: DigestFacts[],
  aliases: AliasEntry[],
  {
    periods = [{ digests: digests.length, print: '' }],
    cache = noCache,
    checker = outputChecker(),
  }: TopicBuildOptions = {},
): TopicFiles {
  const topics = mergeTopics(
    digests.flatMap((d) => d.items),
    aliases,
  )
  const lists = new Map<string, ListBuild>()
  const sources = new Map<string, ListBuild>()
  const stories = new StoryGroups()
  const first = new Map<string, ItemRef>()
  const recent = new Map<string, number>()
  const newestWeek = digests.length ? weekOf(digests[0]!.time, digests[0]!.offsetMinutes) : 0
  const push = (list: ListBuild, ref: ItemRef, period: number) => {
    list.refs.push(ref)
    const run = list.runs.at(-1)
    if (run && run[0] === period) run[1]++
    else list.runs.push([period, 1])
  }
  let at = 0
  for (const [period, { digests: count }] of periods.entries()) {
    for (const digest of digests.slice(at, (at += count))) {
      const week = weekOf(digest.time, digest.offsetMinutes)
      for (const item of digest.items) {
        // One tuple per item, shared by every list it is in (form 0); JSON writes it out each time.
        const base: ItemRef = [
          item.id,
          item.title,
          digest.time,
          digest.offsetMinutes,
          item.label,
          0,
        ]
        const named = topicsOfItem(item, topics)
        for (const [canonical, form] of named) {
          const list = listOf(lists, canonical, () => topics.formsOf(canonical).join('\n'))
          push(list, form === 0 ? base : ([...base.slice(0, 5), form] as ItemRef), period)
          list.weeks.set(week, (list.weeks.get(week) ?? 0) + 1)
          for (const [other] of named)
            if (other !== canonical) list.beside.set(other, (list.beside.get(other) ?? 0) + 1)
          // Newest first: the last one seen is the first appearance.
          first.set(canonical, base)
          if (week > newestWeek - RECENT_WEEKS)
            recent.set(canonical, (recent.get(canonical) ?? 0) + 1)
        }
        if (item.source) {
          const [key, name] = item.source
          push(
            listOf(sources, key, () => name, name),
            base,
            period,
          )
        }
        stories.add(item, base)
      }
    }
  }

  const files: [string, Body][] = []
  const write = (
    name: (hash: string) => string,
    kind: 'topic shard' | 'ref page' | 'story shard' | 'topics index',
    value: unknown,
  ) => {
    const json = JSON.stringify(value)
    const file = name(shortHash(json, 10))
    checker.check(kind, json, file)
    files.push([file, inline(json)])
    return file
  }
  const shardFiles = (dir: string, all: Map<string, ListBuild>, keyOf: (k: string) => string) => {
    const count = Math.max(1, Math.ceil(countRefs(all) / REFS_PER_SHARD))
    const shards: Record<string, RefList>[] = Array.from({ length: count }, () => ({}))
    for (const key of [...all.keys()].sort(compare)) {
      const list = all.get(key)!
      shards[shardOf(keyOf(key), count)]![keyOf(key)] = finishList(list, (from, to) => {
        // A page of periods that did not change is the page the last build wrote.
        const print = shortHash(`${dir}\n${list.print}\n${runsOf(list, periods, from, to)}`, 24)
        const known = cache.lookup<[string, Body]>('ref-page', print)
        if (known) {
          files.push(known)
          return known[0]
        }
        const name = write((h) => `${dir}/o-${h}.json`, 'ref page', {
          schemaVersion: CONTENT_SCHEMA_VERSION,
          items: list.refs.slice(from, to),
        })
        cache.store('ref-page', print, files.at(-1))
        return name
      })
    }
    return shards.map((lists, i) =>
      write((h) => `${dir}/s${i}.${h}.json`, 'topic shard', {
        schemaVersion: CONTENT_SCHEMA_VERSION,
        lists,
      }),
    )
  }
  const topicShards = shardFiles('topics', lists, topicKey)
  const sourceShards = shardFiles('sources', sources, (k) => k)
  const storyShards = stories.files((i, value) =>
    write((h) => `stories/s${i}.${h}.json`, 'story shard', value),
  )

  const entries: TopicEntry[] = [...lists.values()].map((list) => {
    const [id, , time, offset] = first.get(list.name)!
    return [
      list.name,
      topics.formsOf(list.name).slice(1),
      list.refs.length,
      recent.get(list.name) ?? 0,
      id,
      time,
      offset,
    ]
  })
  entries.sort((a, b) => b[3] - a[3] || b[2] - a[2] || compare(a[0], b[0]))
  const index: TopicsIndex = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    week: newestWeek,
    topics: entries,
    topicShards,
    sourceShards,
    storyShards,
  }
  const name = write((h) => `topics/index.${h}.json`, 'topics index', index)
  return { index: name, files }
}

/**
 * What refs [from, to) of a list (newest first) came from: each period's fingerprint and which of
 * its refs in this list, so the same text means the same page.
 */
function runsOf(list: ListBuild, periods: Period[], from: number, to: number): string {
  const out: string[] = []
  let start = 0
  for (const [period, count] of list.runs) {
    const end = start + count
    if (end > from && start < to)
      out.push(
        `${periods[period]!.print}:${Math.max(from, start) - start}-${Math.min(to, end) - start}`,
      )
    start = end
    if (start >= to) break
  }
  return out.join('\n')
}

/** The topics an item names, each once with the form it wrote first: [canonical, form index]. */
function topicsOfItem(item: ItemFacts, topics: Topics): [string, number][] {
  const out = new Map<string, number>()
  for (const term of item.terms) {
    const found = topics.lookup(term)
    if (found && !out.has(found.name)) out.set(found.name, found.form)
  }
  return [...out]
}

function listOf(
  all: Map<string, ListBuild>,
  key: string,
  printOf: () => string,
  name = key,
): ListBuild {
  let list = all.get(key)
  if (!list) {
    list = { name, refs: [], weeks: new Map(), beside: new Map(), runs: [], print: printOf() }
    all.set(key, list)
  }
  return list
}

function countRefs(all: Map<string, ListBuild>): number {
  let n = 0
  for (const list of all.values()) n += Math.min(list.refs.length, INLINE_REFS)
  return n
}

/**
 * A list's shard entry. Its older items are cut into pages counted from the oldest item, so a new
 * item changes only the newest page: every full page keeps its bytes and its name from build to
 * build (a client keeps its copy, the compiler's check knows it), where pages counted from the
 * newest end all shifted by one item with every new item.
 */
function finishList(list: ListBuild, writePage: (from: number, to: number) => string): RefList {
  const older: string[] = []
  const olderCount = Math.max(0, list.refs.length - INLINE_REFS)
  // The newest page holds what is left over after the full pages; it comes first in `older`.
  let start = INLINE_REFS
  let end = INLINE_REFS + (olderCount % OLDER_PAGE || OLDER_PAGE)
  while (start < list.refs.length) {
    older.push(writePage(start, Math.min(end, list.refs.length)))
    start = end
    end += OLDER_PAGE
  }
  return {
    name: list.name,
    weeks: [...list.weeks].sort((a, b) => a[0] - b[0]),
    beside: [...list.beside].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).slice(0, BESIDE),
    items: list.refs.slice(0, INLINE_REFS),
    older,
    total: list.refs.length,
  }
}

/**
 * Items that share a link or a near-identical title, grouped (a union of items through any shared
 * key), kept under each of their keys so an item page finds its story from its own link or title.
 */
class StoryGroups {
  private readonly parent: number[] = []
  private readonly refs: ItemRef[] = []
  private readonly keys: string[][] = []
  private readonly byKey = new Map<string, number>()

  add(item: ItemFacts, ref: ItemRef): void {
    const at = this.refs.push(ref) - 1
    this.parent.push(at)
    this.keys.push(item.stories)
    for (const key of item.stories) {
      const other = this.byKey.get(key)
      // The same link is the same story whenever it comes back; a title only within a fortnight
      // (a weekly "本周 GitHub 热门项目" is not one story all year). Items come newest first.
      const near =
        other !== undefined &&
        (key.startsWith('t:') ? this.refs[other]![2] - ref[2] <= TITLE_WINDOW_MS : true)
      if (near) this.union(other, at)
      if (!near || key.startsWith('t:')) this.byKey.set(key, at)
    }
  }

  private find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!
    return i
  }

  private union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)]
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }

  /** The story shards; `write` names and records each. */
  files(write: (index: number, value: unknown) => string): string[] {
    const groups = new Map<number, number[]>()
    for (let i = 0; i < this.refs.length; i++) {
      const root = this.find(i)
      const group = groups.get(root)
      if (group) group.push(i)
      else groups.set(root, [i])
    }
    const list: ItemRef[][] = []
    const keysOf: string[][] = []
    let total = 0
    for (const members of groups.values()) {
      if (members.length < 2) continue
      // Oldest first (the archive is newest first): the thread starts where the story did.
      const refs = members
        .slice(-STORY_LIMIT)
        .reverse()
        .map((i) => this.refs[i]!)
      list.push(refs)
      keysOf.push([...new Set(members.flatMap((i) => this.keys[i]!))].sort(compare))
      total += refs.length
    }
    const count = Math.max(1, Math.ceil(total / REFS_PER_SHARD))
    const shards = Array.from({ length: count }, () => ({
      groups: [] as ItemRef[][],
      keys: {} as Record<string, number>,
    }))
    list.forEach((refs, g) => {
      // A story is stored in every shard one of its keys falls in, once per shard.
      const placed = new Map<number, number>()
      for (const key of keysOf[g]!) {
        const shard = shards[shardOf(key, count)]!
        const s = shardOf(key, count)
        if (!placed.has(s)) placed.set(s, shard.groups.push(refs) - 1)
        shard.keys[key] = placed.get(s)!
      }
    })
    return shards.map((s, i) => write(i, { schemaVersion: CONTENT_SCHEMA_VERSION, ...s }))
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
