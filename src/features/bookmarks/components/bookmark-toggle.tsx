import type { ItemActionTarget } from '@/components/item-actions'
import { useT } from '@/lib/i18n'
import { snapshotOf } from '../api/bookmark-snapshot'
import { useBookmarkStore, useIsBookmarked } from '../hooks/bookmark-store-context'
import { TOGGLE_ATTRIBUTE } from '../hooks/use-bookmark-shortcut'
import { BookmarkIcon } from './bookmark-icon'

/** The bookmark button inside every item card; `aria-pressed` tells whether the item is saved. */
export function BookmarkToggle(props: ItemActionTarget) {
  const t = useT()
  const store = useBookmarkStore()
  const pressed = useIsBookmarked(props.item.id)
  return (
    <button
      type="button"
      aria-pressed={pressed}
      {...{ [TOGGLE_ATTRIBUTE]: '' }}
      title={
        pressed
          ? t({ zh: '已收藏 · 再按一次取消（b）', en: 'Bookmarked · press again to remove (b)' })
          : t({ zh: '收藏（b）', en: 'Bookmark (b)' })
      }
      onClick={() => store.toggle(snapshotOf(props, new Date()))}
      className={`inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full transition-colors ${
        pressed
          ? 'text-orange-500 hover:bg-orange-50 dark:text-orange-400 dark:hover:bg-orange-950/40'
          : 'text-stone-400 hover:bg-stone-100 hover:text-stone-600 dark:text-stone-500 dark:hover:bg-stone-800 dark:hover:text-stone-300'
      }`}
    >
      <BookmarkIcon filled={pressed} />
      <span className="sr-only">{t({ zh: '收藏', en: 'Bookmark' })}</span>
    </button>
  )
}
