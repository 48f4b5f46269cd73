import type { ItemActionTarget } from '@/components/item-actions'
import type { Bookmark } from './bookmark-schema'

/** Length of the summary excerpt kept with a bookmark, in characters. */
export const EXCERPT_LENGTH = 160

/** Cuts plain text to about `max` characters (whole code points, so no broken surrogate pairs). */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max
    ? chars.join('')
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

/** A new bookmark for an item as an item card shows it. */
export function snapshotOf(target: ItemActionTarget, now: Date): Bookmark {
  const at = now.toISOString()
  const url = target.item.url && /^https?:\/\//i.test(target.item.url) ? target.item.url : undefined
  return {
    itemId: target.item.id,
    title: target.item.title,
    ...(url ? { url } : {}),
    digestId: target.digest.id,
    digestDate: target.digest.date,
    digestTitle: target.digest.title,
    excerpt: excerptOf(target.item.text),
    savedAt: at,
    note: '',
    updatedAt: at,
  }
}
