import type { ItemActionTarget } from '@/components/item-actions'
import { LIMITS, isWellFormed, type Bookmark } from './bookmark-schema'

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

/** Cuts text to at most `max` UTF-16 code units (what the schema counts), ending in `…`. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  // Never split a surrogate pair: a lone half would make the text unreadable as stored data.
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}

/**
 * A new bookmark for an item as an item card shows it, within the schema's bounds: long titles
 * are cut and an overlong or malformed link or date is left out (the current content supplies
 * them while the item exists), so what is saved always reads back.
 */
export function snapshotOf(target: ItemActionTarget, now: Date): Bookmark {
  const at = now.toISOString()
  const link = target.item.url
  const url =
    link && /^https?:\/\//i.test(link) && link.length <= LIMITS.url && isWellFormed(link)
      ? link
      : undefined
  const date = target.digest.date
  return {
    itemId: target.item.id,
    title: clipText(target.item.title, LIMITS.text),
    ...(url ? { url } : {}),
    digestId: target.digest.id,
    digestDate: date.length <= LIMITS.digestDate ? date : '',
    digestTitle: clipText(target.digest.title, LIMITS.text),
    excerpt: excerptOf(target.item.text),
    savedAt: at,
    note: '',
    updatedAt: at,
  }
}
