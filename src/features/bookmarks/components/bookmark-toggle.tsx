import type { ItemActionTarget } from '@/components/item-actions'

/** Placeholder until the bookmarks feature lands. */
export function BookmarkToggle(_props: ItemActionTarget) {
  return null
}
