import { NavLink } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { useWatchList } from '../hooks/reading-state-context'

/**
 * The header's link to the watch page, once something is watched (until then the search and topic
 * pages' "Watch" buttons are the way in, and the header stays as short as it was on phones).
 */
export function WatchNavLink({ className }: { className: string }) {
  const t = useT()
  const { watches } = useWatchList()
  if (watches.length === 0) return null
  return (
    <NavLink to={paths.watch.getHref()} className={className}>
      {t({ zh: '关注', en: 'Watch' })}
    </NavLink>
  )
}
