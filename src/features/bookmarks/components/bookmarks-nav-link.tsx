import { NavLink } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { useBookmarks } from '../hooks/bookmark-store-context'
import { useBookmarkShortcut } from '../hooks/use-bookmark-shortcut'

/**
 * Header link to the bookmarks page with the count. It is the one bookmarks component on every
 * page, so it also hosts the `b` shortcut and announces storage trouble wherever the reader is.
 */
export function BookmarksNavLink({ singleKeyShortcuts }: { singleKeyShortcuts: boolean }) {
  const t = useT()
  const { bookmarks, unsaved, saveProblem, corruption, setAside } = useBookmarks()
  // The shortcut must work on every page, and the root layout renders this link (and no other
  // bookmarks component) on every page, so the listener is registered here and only here.
  useBookmarkShortcut({ enabled: singleKeyShortcuts })
  const count = bookmarks.length
  return (
    <>
      <NavLink
        to={paths.bookmarks.getHref()}
        // Matches the header's other nav links (current page marked through aria-current).
        className="inline-flex shrink-0 items-center gap-1.5 rounded-md px-2.5 py-1.5 text-stone-600 transition-colors hover:bg-stone-200/60 hover:text-stone-950 aria-[current=page]:bg-stone-200/70 aria-[current=page]:font-medium aria-[current=page]:text-stone-950 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-stone-50 dark:aria-[current=page]:bg-stone-800 dark:aria-[current=page]:text-stone-50"
      >
        <span>{t({ zh: '收藏', en: 'Bookmarks' })}</span>
        {count > 0 && (
          <span
            className={`min-w-5 rounded-full px-1.5 text-center text-xs leading-5 tabular-nums ${
              unsaved
                ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200'
                : 'bg-stone-200 text-stone-700 dark:bg-stone-800 dark:text-stone-200'
            }`}
          >
            {count}
            <span className="sr-only">{t({ zh: ' 条', en: ' saved' })}</span>
          </span>
        )}
      </NavLink>
      <span role="status" aria-live="polite" className="sr-only">
        {corruption &&
          t({
            zh: '已保存的收藏无法读取，原始数据保持原样，详见收藏页。',
            en: 'Saved bookmarks could not be read; the raw data is left as it was. See the Bookmarks page.',
          })}
        {setAside &&
          t({
            zh: `${setAside.entries.length} 条已保存的收藏无法读取，已另行保留，详见收藏页。`,
            en: ` ${setAside.entries.length} saved bookmarks could not be read and were set aside; see the Bookmarks page.`,
          })}
        {(saveProblem || unsaved) &&
          t({
            zh: '收藏未能保存到浏览器，只在本页面有效。',
            en: ' Bookmarks could not be saved in this browser; they last only for this page.',
          })}
      </span>
    </>
  )
}
