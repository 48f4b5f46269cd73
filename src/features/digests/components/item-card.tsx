import { memo, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { DigestSummary, Item } from '@/types/content'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { cn } from '@/lib/cn'
import { ItemActions } from '@/components/item-actions'
import { SummaryText } from './summary-text'
import { OriginalLink, SourceChip } from './source'
import { ContentText } from '@/components/ui/content-text'
import { contentLang } from '@/lib/content-lang'

interface ItemCardProps {
  item: Item
  digest: DigestSummary
  /** Heading level of the title, so the page outline stays correct wherever the card is shown. */
  level?: 2 | 3 | 4
  /** Show the published position ("1", "2" …) and anchor the card for `#<itemId>` links. */
  numbered?: boolean
  highlighted?: boolean
  /** Shown under the title (the app's watch-list badges). */
  badge?: ReactNode
}

/**
 * One news item: title (its permalink), source, summary with linked terms, the original post and
 * the app's item actions. `data-item-id` lets keyboard shortcuts (j/k/o, b) find the cards.
 * Memoized: a feed row renders again when it is measured or its month page settles, and its eleven
 * cards (a hundred links) need not follow when their props are the same.
 */
export const ItemCard = memo(function ItemCard({
  item,
  digest,
  level = 3,
  numbered,
  highlighted,
  badge,
}: ItemCardProps) {
  const t = useT()
  const Heading = `h${level}` as const
  return (
    <article
      data-item-id={item.id}
      id={numbered ? item.id : undefined}
      tabIndex={-1}
      aria-labelledby={`title-${item.id}`}
      className={cn('item-card group', highlighted && 'is-highlighted')}
    >
      {numbered && (
        <a
          href={`#${encodeURIComponent(item.id)}`}
          className="item-number"
          aria-label={t({ zh: `第 ${item.position} 条`, en: `Item ${item.position}` })}
        >
          {item.position}
        </a>
      )}
      <div className="min-w-0 flex-1">
        <Heading id={`title-${item.id}`} className="item-title" lang={contentLang(item.title)}>
          <Link to={paths.item.getHref(item.id)}>
            <ContentText text={item.title} />
          </Link>
        </Heading>
        {badge}
        <div className="mt-1.5">
          <SourceChip item={item} />
        </div>
        <div className="item-summary" lang="zh-CN">
          <SummaryText runs={item.summary} terms={item.terms} />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <OriginalLink item={item} compact />
          <Link
            to={paths.item.getHref(item.id)}
            className="text-stone-500 hover:text-stone-900 hover:underline dark:text-stone-400 dark:hover:text-stone-100"
          >
            {t({ zh: '永久链接', en: 'Permalink' })}
          </Link>
          <span className="ml-auto">
            <ItemActions
              item={item}
              digest={{ id: digest.id, date: digest.date, title: digest.title, time: digest.time }}
            />
          </span>
        </div>
      </div>
    </article>
  )
})
