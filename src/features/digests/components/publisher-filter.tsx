import { useEffect, useRef } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import type { Head, Publisher } from '@/types/content'
import type { QueryParams } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { cn } from '@/lib/cn'
import { isMultiPublisher, PUBLISHER_PARAM } from '../api/publishers'

const pill =
  'inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm whitespace-nowrap transition-colors'
const idle =
  'border-stone-200 bg-white text-stone-600 hover:border-orange-300 hover:text-orange-700 dark:border-stone-700/80 dark:bg-stone-900 dark:text-stone-300 dark:hover:border-orange-400/60 dark:hover:text-orange-300'
const active =
  'border-stone-900 bg-stone-900 text-white dark:border-stone-100 dark:bg-stone-100 dark:text-stone-900'

/**
 * Links that narrow the current page to one publisher (or all), kept in `?publisher=`; the chosen
 * one carries `aria-current`. Hidden when the archive has a single publisher.
 */
export function PublisherFilter({
  head,
  selected,
  countOf,
  hrefFor,
}: {
  head: Head
  selected?: Publisher
  /** How many of the page's digests each option shows (all of them without a publisher). */
  countOf: (publisher?: Publisher) => number
  /** The current page's URL with these query parameters, from `paths` (e.g. `paths.home.getHref`). */
  hrefFor: (params: QueryParams) => string
}) {
  const t = useT()
  const [searchParams] = useSearchParams()
  const list = useRef<HTMLUListElement>(null)
  // On phones the row scrolls sideways: bring the chosen publisher into view, without moving the page.
  useEffect(() => {
    const row = list.current
    const chosen = row?.querySelector<HTMLElement>('[aria-current]')
    if (!row || !chosen) return
    const left = chosen.offsetLeft - row.offsetLeft
    if (left + chosen.offsetWidth > row.scrollLeft + row.clientWidth || left < row.scrollLeft) {
      row.scrollLeft = Math.max(0, left - 16)
    }
  }, [selected?.id])
  if (!isMultiPublisher(head)) return null
  // Other parameters of the page stay as they are; only the publisher changes.
  const hrefOf = (id?: string) =>
    hrefFor({ ...Object.fromEntries(searchParams), [PUBLISHER_PARAM]: id })
  const options = [
    { id: undefined, name: t({ zh: '全部', en: 'All' }), count: countOf() },
    ...head.publishers.map((p) => ({ id: p.id, name: p.name, count: countOf(p) })),
  ]
  return (
    <nav aria-label={t({ zh: '按发布者筛选', en: 'Filter by publisher' })} className="-mt-6 mb-8">
      {/* On phones the row scrolls sideways; the fading edge says there is more. */}
      <ul
        ref={list}
        className="flex gap-2 overflow-x-auto pr-8 pb-1 [mask-image:linear-gradient(to_right,black_calc(100%-2rem),transparent)] sm:flex-wrap sm:pr-0 sm:[mask-image:none]"
      >
        {options.map((o) => {
          const current = o.id === selected?.id
          return (
            <li key={o.id ?? ''} className="shrink-0">
              <Link
                to={hrefOf(o.id)}
                aria-current={current ? 'page' : undefined}
                className={cn(pill, current ? active : idle)}
                lang={o.id ? 'zh-CN' : undefined}
              >
                {o.name}
                <span
                  className={cn(
                    'text-xs tabular-nums',
                    current
                      ? 'text-stone-300 dark:text-stone-600'
                      : 'text-stone-500 dark:text-stone-400',
                  )}
                >
                  {o.count}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
