import * as v from 'valibot'
import { fold } from '@/lib/search-text/normalize'
import { isTime, parseJson } from './kept-storage'

export const WATCH_VERSION = 1
/** Bounds of what is stored (decision 050): generous for a reader, small for localStorage. */
export const WATCH_LIMITS = { term: 100, watches: 100 } as const

/** A saved search (`?q=`) or a topic (by its name) whose new items the reader wants to see. */
export interface Watch {
  term: string
  kind: 'search' | 'topic'
  /** Digest time (epoch ms) up to which its items have been seen. */
  seenThrough: number
  /** When the reader added it (epoch ms). */
  addedAt: number
}

/** An entry of a readable document that could not be used, by its place in the stored list. */
export interface RejectedWatch {
  index: number
  term?: string
  reason: string
}

/** One watch per kind and folded term: "Nano Banana" and "nano banana" are the same watch. */
export function watchKey(watch: Pick<Watch, 'term' | 'kind'>): string {
  return `${watch.kind}:${fold(watch.term.trim())}`
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// eslint-disable-next-line no-control-regex -- control characters are what it rejects
const CONTROL = /[\u0000-\u001f\u007f]/

/** Why a term cannot be watched (as typed or as stored), or null when it can. */
export function termProblem(term: unknown): string | null {
  if (typeof term !== 'string') return 'term'
  const trimmed = term.trim()
  if (trimmed.length === 0 || trimmed !== term) return 'term'
  if (term.length > WATCH_LIMITS.term) return 'term length'
  if (LONE_SURROGATE.test(term) || CONTROL.test(term)) return 'term characters'
  return null
}

const watchSchema = v.object({
  term: v.custom<string>((term) => termProblem(term) === null),
  kind: v.picklist(['search', 'topic']),
  seenThrough: v.custom<number>(isTime),
  addedAt: v.custom<number>(isTime),
})

function entryOf(value: unknown): { watch: Watch } | { reason: string } {
  const parsed = v.safeParse(watchSchema, value)
  if (parsed.success) return { watch: parsed.output }
  if (typeof value !== 'object' || value === null) return { reason: 'not an object' }
  // The term's own problem says more than "term"; other fields are named by their key.
  const field = parsed.issues[0].path?.[0]?.key
  return { reason: termProblem((value as { term?: unknown }).term) ?? String(field) }
}

export type WatchParse =
  { ok: true; watches: Watch[]; rejected: RejectedWatch[] } | { ok: false; reason: string }

/**
 * Reads a stored watch list entry by entry: an entry that cannot be used (or one past the limit,
 * or a second copy of a watch) is rejected by itself, the others are kept. Never throws.
 */
export function parseWatches(raw: string): WatchParse {
  const parsed = parseJson(raw)
  if (!parsed.ok) return { ok: false, reason: 'not JSON' }
  const doc = parsed.value as Record<string, unknown> | null
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { ok: false, reason: 'not an object' }
  if (doc.version !== WATCH_VERSION) return { ok: false, reason: 'unknown version' }
  if (!Array.isArray(doc.watches)) return { ok: false, reason: 'watches' }
  const watches: Watch[] = []
  const rejected: RejectedWatch[] = []
  const seen = new Set<string>()
  for (const [index, value] of (doc.watches as unknown[]).entries()) {
    const found = entryOf(value)
    const term = typeof (value as { term?: unknown } | null)?.term === 'string'
    const named = term ? (value as { term: string }).term.slice(0, WATCH_LIMITS.term) : undefined
    if ('reason' in found) rejected.push({ index, term: named, reason: found.reason })
    else if (seen.has(watchKey(found.watch)))
      rejected.push({ index, term: named, reason: 'duplicate' })
    else if (watches.length >= WATCH_LIMITS.watches)
      rejected.push({ index, term: named, reason: 'over the limit' })
    else {
      seen.add(watchKey(found.watch))
      watches.push(found.watch)
    }
  }
  return { ok: true, watches, rejected }
}
