import { useT } from '@/lib/i18n'
import type { Watch } from '../api/watch-entries'
import { watchKey } from '../api/watch-entries'
import { useWatchList, useWatchStore } from '../hooks/reading-state-context'

/**
 * "Watch" for the current search or topic: from now on its new items are badged and listed on
 * the watch page. Items up to `newestTime` (the newest digest shown now) are not new.
 */
export function WatchToggle({
  term,
  kind,
  newestTime,
}: {
  term: string
  kind: Watch['kind']
  newestTime: number
}) {
  const t = useT()
  const store = useWatchStore()
  const { watches } = useWatchList()
  const key = watchKey({ term, kind })
  const watching = watches.some((w) => watchKey(w) === key)
  return (
    <button
      type="button"
      aria-pressed={watching}
      data-testid="watch-toggle"
      onClick={() =>
        watching ? store.remove({ term, kind }) : store.add({ term, kind, seenThrough: newestTime })
      }
      className="inline-flex items-center gap-1.5 rounded-full border border-stone-300 px-3 py-1 text-sm text-stone-700 transition-colors hover:border-orange-400 hover:text-orange-800 aria-pressed:border-orange-400 aria-pressed:bg-orange-50 aria-pressed:text-orange-900 dark:border-stone-700 dark:text-stone-300 dark:hover:text-orange-200 dark:aria-pressed:border-orange-400/70 dark:aria-pressed:bg-orange-400/15 dark:aria-pressed:text-orange-100"
    >
      <span aria-hidden="true">{watching ? '★' : '☆'}</span>
      {watching ? t({ zh: '已关注', en: 'Watching' }) : t({ zh: '关注', en: 'Watch' })}
    </button>
  )
}
