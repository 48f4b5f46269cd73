import { Link, Outlet } from 'react-router-dom'
import { paths } from '@/config/paths'
import { SearchBox } from '@/features/search/components/search-box'
import { BookmarksNavLink } from '@/features/bookmarks/components/bookmarks-nav-link'

export function RootLayout() {
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 dark:border-stone-800">
        <div className="mx-auto flex max-w-3xl items-center gap-4 px-4 py-3">
          <Link to={paths.home.getHref()} className="font-semibold">
            Digest Reader
          </Link>
          <SearchBox />
          <BookmarksNavLink />
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  )
}
