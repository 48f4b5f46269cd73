import { Link, NavLink } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { IconButton } from '@/components/ui/icon-button'
import { KeyboardIcon } from '@/components/ui/icons'
import { SearchBox } from '@/features/search/components/search-box'
import { BookmarksNavLink } from '@/features/bookmarks/components/bookmarks-nav-link'
import { ThemeToggle } from '@/features/preferences/components/theme-toggle'
import { LanguageToggle } from '@/features/preferences/components/language-toggle'
import { HeaderNewCount, HeaderWatchLink } from '@/features/reading-state/components/header-parts'
import { OfflineIndicator } from '@/features/offline/components/offline-indicator'
import { Logo } from './logo'

const navLink =
  'rounded-md px-2.5 py-1.5 text-stone-600 transition-colors hover:bg-stone-200/60 hover:text-stone-950 aria-[current=page]:bg-stone-200/70 aria-[current=page]:font-medium aria-[current=page]:text-stone-950 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-stone-50 dark:aria-[current=page]:bg-stone-800 dark:aria-[current=page]:text-stone-50'

/**
 * Phones get two rows (brand and toggles; then navigation and the search box, which wraps to a
 * third row when too narrow), wider screens one row with a ~240 px search box. The elements are in
 * the wide layout's order, so Tab follows what a desktop reader sees; `order` rearranges phones.
 */
export function AppHeader(props: { onShortcuts: () => void; singleKeyShortcuts: boolean }) {
  const { onShortcuts, singleKeyShortcuts } = props
  const t = useT()
  return (
    <header className="top-0 z-30 border-b border-stone-200/80 bg-[#fbfaf8]/90 backdrop-blur supports-[backdrop-filter]:bg-[#fbfaf8]/75 sm:sticky dark:border-stone-800 dark:bg-[#141312]/90 dark:supports-[backdrop-filter]:bg-[#141312]/75">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2.5 sm:flex-nowrap sm:px-6">
        <Link
          to={paths.home.getHref()}
          className="order-1 mr-2 flex items-center gap-2 font-semibold tracking-tight"
        >
          <Logo />
          <span>Digest Reader</span>
        </Link>
        <div className="order-3 basis-full sm:hidden" aria-hidden="true" />
        <nav
          aria-label={t({ zh: '主导航', en: 'Main' })}
          className="order-4 -ml-2.5 flex items-center gap-0.5 text-sm sm:order-2 sm:ml-0"
        >
          <NavLink to={paths.home.getHref()} end className={navLink}>
            {t({ zh: '时间线', en: 'Timeline' })}
            <HeaderNewCount />
          </NavLink>
          <NavLink to={paths.categories.getHref()} className={navLink}>
            {t({ zh: '分类', en: 'Categories' })}
          </NavLink>
          <NavLink to={paths.topics.getHref()} className={navLink}>
            {t({ zh: '话题', en: 'Topics' })}
          </NavLink>
          <BookmarksNavLink singleKeyShortcuts={singleKeyShortcuts} />
          <HeaderWatchLink className={navLink} />
        </nav>
        {/* At least 9rem wide: when the navigation leaves less (English labels, a bookmark count)
            the box takes a row of its own rather than shrink until the query is unreadable. */}
        <div className="order-5 min-w-36 flex-1 sm:order-3 sm:ml-auto sm:w-60 sm:flex-none">
          <SearchBox singleKeyShortcuts={singleKeyShortcuts} />
        </div>
        <div className="order-2 ml-auto flex items-center sm:order-4 sm:ml-0">
          <OfflineIndicator />
          <IconButton
            label={t({ zh: '键盘快捷键', en: 'Keyboard shortcuts' })}
            onClick={onShortcuts}
          >
            <KeyboardIcon />
          </IconButton>
          <LanguageToggle />
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}
