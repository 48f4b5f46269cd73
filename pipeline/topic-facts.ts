import type { Digest } from '../src/types/content.ts'
import { linkKey, sourceKey, titleKey } from '../src/lib/topics/topic-key.ts'
import { termsOf } from './inline.ts'

/** What the topic, source and story files need of one item: cached with its month's chunks. */
export interface ItemFacts {
  id: string
  title: string
  /** The source label a list shows (`x.com · @dotey`), or `''`. */
  label: string
  terms: string[]
  /** Names written as `A（B）` in this item: each pair is one topic across the archive. */
  pairs: [string, string][]
  /** The source's key (`dotey`, `github.com`) and display name (`@dotey`, `github.com`). */
  source?: [key: string, name: string]
  /** Link and title keys: items sharing one are the same story. */
  stories: string[]
}

/** One digest's facts: when it was published, and its items'. */
export interface DigestFacts {
  time: number
  offsetMinutes: number
  items: ItemFacts[]
}

/** The facts of one digest's items. Linear in its text; no archive-wide state. */
export function factsOf(digest: Digest): DigestFacts {
  return {
    time: digest.time,
    offsetMinutes: digest.offsetMinutes,
    items: digest.items.map((item) => {
      const pairs: [string, string][] = []
      for (const run of item.summary) {
        // The same test as the compiler's: bold ending in a colon is a label, naming nothing.
        if (run.kind !== 'strong' || /[:：]\s*$/.test(run.text)) continue
        const names = termsOf(run.text)
        if (names.length === 2) pairs.push([names[0]!, names[1]!])
      }
      const s = item.source
      return {
        id: item.id,
        title: item.title,
        label: s ? (s.handle ? `${s.host} · @${s.handle}` : s.host) : '',
        terms: item.terms,
        pairs,
        ...(s ? { source: [sourceKey(s), s.handle ? `@${s.handle}` : s.host] } : {}),
        stories: [linkKey(item.url), titleKey(item.title)].filter((k): k is string => !!k),
      }
    }),
  }
}
