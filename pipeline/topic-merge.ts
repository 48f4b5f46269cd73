import { topicKey as normalisedKey } from '../src/lib/topics/topic-key.ts'
import type { AliasEntry } from './topic-aliases.ts'

/** The archive's topics: which topic a term belongs to, and every topic's forms. */
export interface Topics {
  /** The topic a term names, and which of its forms (0 = its name) the term spells. */
  lookup(term: string): { name: string; form: number } | undefined
  /** A topic's name then its aliases, most used first (alias-file names after the used ones). */
  formsOf(name: string): string[]
}

interface KeyStats {
  items: number
  spellings: Map<string, number>
}

/**
 * Merges terms into topics. Three rules, each making one topic of several keys:
 * - case, full-/half-width and spacing: terms of the same `topicKey` are one key to begin with;
 * - `A（B）` written anywhere makes A and B one topic everywhere (pairs from the items' bold runs);
 * - the alias file's groups (its name is the topic's name).
 * A topic's name is the alias file's, else its most used form (ties: more capitals, then code
 * order); its other forms are its aliases.
 */
export function mergeTopics(
  items: { terms: string[]; pairs: [string, string][] }[],
  aliases: AliasEntry[],
): Topics {
  // Terms repeat across thousands of items: each is normalised once.
  const keyOfTerm = new Map<string, string>()
  const topicKey = (term: string) => {
    let key = keyOfTerm.get(term)
    if (key === undefined) keyOfTerm.set(term, (key = normalisedKey(term)))
    return key
  }
  const stats = new Map<string, KeyStats>()
  const parent = new Map<string, string>()
  const node = (key: string) => {
    if (!parent.has(key)) parent.set(key, key)
    return key
  }
  const find = (key: string): string => {
    let root = key
    while (parent.get(root) !== root) root = parent.get(root)!
    // Path compression keeps later finds flat.
    for (let k = key; k !== root;) {
      const next = parent.get(k)!
      parent.set(k, root)
      k = next
    }
    return root
  }
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(node(a)), find(node(b))]
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb)
  }
  for (const item of items) {
    const seen = new Set<string>()
    for (const term of item.terms) {
      const key = node(topicKey(term))
      const s = stats.get(key) ?? { items: 0, spellings: new Map<string, number>() }
      stats.set(key, s)
      s.spellings.set(term, (s.spellings.get(term) ?? 0) + 1)
      if (!seen.has(key)) s.items++
      seen.add(key)
    }
    for (const [a, b] of item.pairs) union(topicKey(a), topicKey(b))
  }
  for (const entry of aliases) {
    node(topicKey(entry.name))
    for (const alias of entry.aliases) union(topicKey(entry.name), topicKey(alias))
  }

  // Every group's keys, most used first; only groups some item names become topics.
  const groups = new Map<string, string[]>()
  for (const key of parent.keys()) {
    const root = find(key)
    const group = groups.get(root)
    if (group) group.push(key)
    else groups.set(root, [key])
  }
  const forms = new Map<string, string[]>()
  const byKey = new Map<string, { name: string; form: number }>()
  for (const keys of groups.values()) {
    if (!keys.some((k) => stats.has(k))) continue
    const used = keys
      .filter((k) => stats.has(k))
      .map((k) => ({ key: k, items: stats.get(k)!.items, spelling: bestSpelling(stats.get(k)!) }))
      .sort(
        (a, b) =>
          b.items - a.items ||
          capitals(b.spelling) - capitals(a.spelling) ||
          compare(a.spelling, b.spelling),
      )
    const fileEntry = aliases.find((e) => keys.includes(topicKey(e.name)))
    const list = used.map((u) => u.spelling)
    const keyList = used.map((u) => u.key)
    if (fileEntry) {
      // The alias file's name leads; its other names follow the used forms, once each.
      for (const name of [fileEntry.name, ...fileEntry.aliases]) {
        const key = topicKey(name)
        const at = keyList.indexOf(key)
        if (at >= 0) {
          if (name === fileEntry.name) {
            list.splice(at, 1)
            keyList.splice(at, 1)
            list.unshift(name)
            keyList.unshift(key)
          }
        } else {
          if (name === fileEntry.name) {
            list.unshift(name)
            keyList.unshift(key)
          } else {
            list.push(name)
            keyList.push(key)
          }
        }
      }
    }
    forms.set(list[0]!, list)
    keyList.forEach((key, form) => byKey.set(key, { name: list[0]!, form }))
  }
  return {
    lookup: (term) => byKey.get(topicKey(term)),
    formsOf: (name) => forms.get(name) ?? [name],
  }
}

function bestSpelling(s: KeyStats): string {
  return [...s.spellings].sort(
    ([a, m], [b, n]) => n - m || capitals(b) - capitals(a) || compare(a, b),
  )[0]![0]
}

const capitals = (text: string) => text.replace(/[^\p{Lu}]/gu, '').length
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
