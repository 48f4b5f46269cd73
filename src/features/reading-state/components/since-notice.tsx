import { plural, useT } from '@/lib/i18n'
import type { NewCount } from '../api/since-count'
import { useVisitStore } from '../hooks/reading-state-context'

/** Above the timeline: how much is new since the last visit, and "mark all as read". */
export function SinceNotice({ count, newestTime }: { count: NewCount; newestTime: number }) {
  const t = useT()
  const store = useVisitStore()
  return (
    <div className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-orange-200 bg-orange-50/70 px-4 py-2.5 text-sm text-orange-950 dark:border-orange-400/30 dark:bg-orange-400/10 dark:text-orange-100">
      <p>
        {t({
          zh: `自上次访问以来有 ${count.items} 条新内容（${count.digests} 期）`,
          en: `${plural(count.items, 'new item')} (${plural(count.digests, 'digest')}) since your last visit`,
        })}
      </p>
      <button
        type="button"
        className="btn-secondary ml-auto"
        onClick={() => store.markAllRead(newestTime)}
      >
        {t({ zh: '全部标为已读', en: 'Mark all as read' })}
      </button>
    </div>
  )
}

/** Where the timeline's rows from before the last visit begin. */
export function SinceMarker() {
  const t = useT()
  return (
    <p
      data-testid="since-marker"
      className="mb-10 flex items-center gap-3 text-xs font-medium text-orange-800 before:h-px before:flex-1 before:bg-orange-300 after:h-px after:flex-1 after:bg-orange-300 dark:text-orange-200 dark:before:bg-orange-400/50 dark:after:bg-orange-400/50"
    >
      {t({ zh: '以下为上次访问前的内容', en: 'Earlier than your last visit' })}
    </p>
  )
}
