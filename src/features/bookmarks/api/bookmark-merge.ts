import type { Bookmark } from './bookmark-schema'

/** What an import changed. */
export interface MergeResult {
  bookmarks: Bookmark[]
  added: number
  updated: number
}

/**
 * Newest saved first; ties broken by id so the order is stable across tabs. Times compare as
 * instants (a `+08:00` time sorts by when it was, not by its text), each parsed once, and ids by
 * code unit rather than `localeCompare`: tens of thousands of bookmarks sort in milliseconds.
 */
export function sortBookmarks(bookmarks: Bookmark[]): Bookmark[] {
  const keyed = bookmarks.map((bookmark) => ({ bookmark, at: Date.parse(bookmark.savedAt) }))
  keyed.sort((a, b) =>
    a.at !== b.at
      ? b.at - a.at
      : a.bookmark.itemId < b.bookmark.itemId
        ? -1
        : a.bookmark.itemId > b.bookmark.itemId
          ? 1
          : 0,
  )
  return keyed.map((entry) => entry.bookmark)
}

/**
 * Merges imported bookmarks into existing ones: one bookmark per item id; when both sides have it,
 * the more recently updated one wins (so the newer note is kept) and the earliest save date stays.
 */
export function mergeBookmarks(existing: Bookmark[], incoming: Bookmark[]): MergeResult {
  const byId = new Map(existing.map((b) => [b.itemId, b]))
  const touched = new Set<string>()
  let added = 0
  let updated = 0
  for (const next of incoming) {
    const current = byId.get(next.itemId)
    if (!current) {
      byId.set(next.itemId, next)
      added++
      touched.add(next.itemId)
      continue
    }
    if (Date.parse(next.updatedAt) <= Date.parse(current.updatedAt)) continue
    const savedAt =
      Date.parse(current.savedAt) < Date.parse(next.savedAt) ? current.savedAt : next.savedAt
    const merged = { ...next, savedAt }
    if (JSON.stringify(merged) === JSON.stringify(current)) continue
    byId.set(next.itemId, merged)
    // A bookmark added earlier in this same file is still "added", not "updated".
    if (!touched.has(next.itemId)) {
      updated++
      touched.add(next.itemId)
    }
  }
  return { bookmarks: sortBookmarks([...byId.values()]), added, updated }
}
