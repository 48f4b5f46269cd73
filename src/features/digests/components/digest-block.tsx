import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { Digest, DigestSummary, Head, Item } from '@/types/content'
import { paths } from '@/config/paths'
import { plural, useLanguage, useT } from '@/lib/i18n'
import { cn } from '@/lib/cn'
import { formatSlot, isDateOnly } from '@/lib/digest-time'
import { SkeletonItem } from '@/components/ui/skeleton'
import { CategoryChips } from './category-chips'
import { ItemCard } from './item-card'
import { RetryNotice } from './retry-notice'
import { PublisherLabel } from './publisher-label'
import { ContentText } from '@/components/ui/content-text'

/** One digest in a feed: its slot, title and categories, then its items once its chunk loads. */
export function DigestBlock({
  head,
  summary,
  digest,
  shownItems,
  failed,
  onRetry,
  itemBadge,
}: {
  head: Head
  summary: DigestSummary
  digest?: Digest
  /** Render only the first this many items (a feed fills a long digest in over a few frames). */
  shownItems?: number
  failed: boolean
  onRetry: () => void
  /** A badge under an item's title (the app decides which items get one). */
  itemBadge?: (item: Item, digest: DigestSummary) => ReactNode
}) {
  const t = useT()
  const lang = useLanguage()
  const headingId = `digest-${summary.id}`
  // A daily digest sits under its day's heading already: its own title says more than the date.
  const titleAsHeading = isDateOnly(summary)
  return (
    <section aria-labelledby={headingId} className="digest-block">
      <header className="mb-2 space-y-2">
        <div className="flex items-baseline justify-between gap-3">
          <h3
            id={headingId}
            className="min-w-0 text-lg font-semibold tracking-tight [overflow-wrap:anywhere]"
          >
            <Link
              to={paths.digest.getHref(summary.id)}
              className="hover:text-orange-700 dark:hover:text-orange-300"
            >
              {titleAsHeading ? <ContentText text={summary.title} /> : formatSlot(summary, lang)}
            </Link>
          </h3>
          <span className="shrink-0 text-xs text-stone-500 tabular-nums dark:text-stone-400">
            {t({ zh: `${summary.itemCount} 条`, en: plural(summary.itemCount, 'item') })}
          </span>
        </div>
        <p className="text-sm text-stone-500 empty:hidden dark:text-stone-400">
          <PublisherLabel
            head={head}
            publisherId={summary.publisher}
            className={cn(
              'text-stone-700 dark:text-stone-300',
              !titleAsHeading &&
                "after:mx-1.5 after:font-normal after:text-stone-400 after:content-['·']",
            )}
          />
          {!titleAsHeading && <ContentText text={summary.title} />}
        </p>
        <CategoryChips categories={summary.categories} />
      </header>
      {digest ? (
        <ul className="divide-y divide-stone-200/80 dark:divide-stone-800">
          {digest.items.slice(0, shownItems).map((item) => (
            <li key={item.id}>
              <ItemCard item={item} digest={summary} level={4} badge={itemBadge?.(item, summary)} />
            </li>
          ))}
        </ul>
      ) : failed ? (
        <RetryNotice onRetry={onRetry} />
      ) : (
        <div role="status" aria-label={t({ zh: '正在加载', en: 'Loading' })}>
          <SkeletonItem />
          <SkeletonItem />
        </div>
      )}
    </section>
  )
}
