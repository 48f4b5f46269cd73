import { createHash } from 'node:crypto'

/** Short stable hash (hex) of a string. */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length)
}

/**
 * `shortHash` of the parts joined, without joining them: a year's search segment is a hundred MB
 * of text, and one string of all of it only to hash it was a copy as large, for nothing.
 */
export function shortHashOfParts(parts: Iterable<string>, length = 8): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex').slice(0, length)
}

/**
 * An item's id depends only on its digest and its link (its title when it has no link), never on
 * its position: bookmarks and deep links must survive reordering and neighbours changing.
 */
export function itemIdOf(digestId: string, item: { url?: string; title: string }): string {
  const key = item.url ? item.url.trim() : `title:${item.title.trim().toLowerCase()}`
  return `${digestId}-${shortHash(key)}`
}
