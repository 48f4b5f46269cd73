import { useQuery } from '@tanstack/react-query'
import { useT } from '@/lib/i18n'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { useVisit } from '../hooks/reading-state-context'
import { useSinceCount } from '../hooks/use-since-count'

/**
 * The header's count of items new since the last visit (inside the Timeline link). Nothing on a
 * first visit, while the head loads, or when nothing is new.
 */
export function NewSinceCount() {
  const t = useT()
  const head = useQuery(archiveQueries.head()).data
  const { since } = useVisit()
  const count = useSinceCount(head, since)
  if (!count?.items) return null
  return (
    <span
      data-testid="new-since-count"
      className="ml-1.5 min-w-5 rounded-full bg-orange-100 px-1.5 text-center text-xs leading-5 text-orange-900 tabular-nums dark:bg-orange-400/20 dark:text-orange-100"
    >
      {count.items}
      <span className="sr-only">{t({ zh: ' 条新内容', en: ' new' })}</span>
    </span>
  )
}
