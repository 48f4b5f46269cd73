import { useMemo } from 'react'
import type { Item } from '@/types/content'
import { paths } from '@/config/paths'
import { Link } from 'react-router-dom'
import { useT } from '@/lib/i18n'
import { prepareWatches, watchesMatching } from '../api/watch-match'
import { useWatchList } from '../hooks/reading-state-context'

/** The watch list prepared for matching, once per change of the list. */
export function usePreparedWatches() {
  const { watches } = useWatchList()
  return useMemo(() => prepareWatches(watches), [watches])
}

/** Small badges on an item that matches watched terms and is new for them; links to the page. */
export function WatchBadges({
  prepared,
  item,
  time,
}: {
  prepared: ReturnType<typeof prepareWatches>
  item: Pick<Item, 'title' | 'text' | 'terms'>
  time: number
}) {
  const t = useT()
  if (prepared.length === 0) return null
  const matched = watchesMatching(prepared, item, time)
  if (matched.length === 0) return null
  return (
    <span className="mt-1 flex flex-wrap gap-1.5">
      {matched.map((w) => (
        <Link
          key={`${w.kind}:${w.term}`}
          to={paths.watch.getHref()}
          data-testid="watch-badge"
          className="inline-flex max-w-full items-center rounded-full bg-orange-100 px-2 py-0.5 text-xs font-medium [overflow-wrap:anywhere] text-orange-900 hover:bg-orange-200 dark:bg-orange-400/20 dark:text-orange-100 dark:hover:bg-orange-400/30"
        >
          {t({ zh: `关注：${w.term}`, en: `Watching: ${w.term}` })}
        </Link>
      ))}
    </span>
  )
}
