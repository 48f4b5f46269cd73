import { plural, useT } from '@/lib/i18n'
import type { Aggregates, Head } from '@/types/content'
import type { FilterKey } from '../hooks/use-search-url'
import type { SearchFilters as Filters } from '../engine/types'

const FIELD =
  'min-w-0 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900'

/** How many sources the source filter lists: a list of hundreds is unusable as a menu. */
export const SOURCE_OPTIONS = 30

/**
 * The most frequent sources, plus the selected one wherever it ranks (a shared link may name a
 * rare one). Less frequent sources stay reachable through `?source=` and the result cards.
 */
export function topSources(
  sources: { name: string; count: number }[],
  selected: string | undefined,
  limit = SOURCE_OPTIONS,
): { name: string; count: number }[] {
  const top = [...sources].sort((a, b) => b.count - a.count).slice(0, limit)
  if (!selected || top.some((s) => s.name === selected)) return top
  return [...top, sources.find((s) => s.name === selected) ?? { name: selected, count: 0 }]
}

/** Category, date range, source and (when there are several) publisher; all kept in the URL. */
export function SearchFilters({
  head,
  aggregates,
  filters,
  onChange,
}: {
  head: Head
  /** Categories and sources to offer; undefined while they load (the menus then offer "all"). */
  aggregates?: Aggregates
  filters: Filters
  onChange: (key: FilterKey, value: string) => void
}) {
  const t = useT()
  const any = t({ zh: '全部', en: 'All' })
  const select = (key: FilterKey, label: string, options: { value: string; label: string }[]) => (
    <label className="flex min-w-0 flex-col gap-1">
      <span className="text-xs text-stone-500 dark:text-stone-400">{label}</span>
      <select
        className={FIELD}
        value={filters[key] ?? ''}
        onChange={(event) => onChange(key, event.target.value)}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
  const date = (key: 'from' | 'to', label: string) => (
    <label className="flex min-w-0 flex-col gap-1">
      <span className="text-xs text-stone-500 dark:text-stone-400">{label}</span>
      <input
        type="date"
        className={FIELD}
        value={filters[key] ?? ''}
        onChange={(event) => onChange(key, event.target.value)}
      />
    </label>
  )
  // Categories count digests, sources count items: each option names its unit.
  const categories = (aggregates?.categories ?? []).map((c) => ({
    value: c.name,
    label: `${c.name} · ${t({ zh: `${c.count} 期`, en: plural(c.count, 'digest') })}`,
  }))
  const sources = topSources(aggregates?.sources ?? [], filters.source).map((c) => ({
    value: c.name,
    label: `${c.name} · ${t({ zh: `${c.count} 条`, en: plural(c.count, 'item') })}`,
  }))

  return (
    <fieldset className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      <legend className="sr-only">{t({ zh: '筛选', en: 'Filters' })}</legend>
      {select('category', t({ zh: '分类', en: 'Category' }), categories)}
      {select('source', t({ zh: '来源', en: 'Source' }), sources)}
      {date('from', t({ zh: '起始日期', en: 'From' }))}
      {date('to', t({ zh: '截止日期', en: 'To' }))}
      {head.publishers.length > 1 &&
        select(
          'publisher',
          t({ zh: '发布者', en: 'Publisher' }),
          head.publishers.map((p) => ({ value: p.id, label: p.name })),
        )}
    </fieldset>
  )
}
