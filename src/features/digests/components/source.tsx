import { Link } from 'react-router-dom'
import type { Item } from '@/types/content'
import { paths } from '@/config/paths'
import { sourceKey } from '@/lib/topics/topic-key'
import { useLanguage } from '@/lib/i18n'
import { ExternalIcon } from '@/components/ui/icons'
import { cn } from '@/lib/cn'

/** "x.com · @vista8", or just the host when the link names no account. */
export function sourceLabel(item: Pick<Item, 'source'>): string | null {
  const s = item.source
  if (!s) return null
  return s.handle ? `${s.host} · @${s.handle}` : s.host
}

/** The source as a quiet label, e.g. `x.com · @vista8`, linking to every item from it. */
export function SourceChip({ item }: { item: Item }) {
  const label = sourceLabel(item)
  if (!label || !item.source) return null
  return (
    <Link
      to={paths.source.getHref(sourceKey(item.source))}
      data-source-chip=""
      className="inline-flex max-w-full items-center truncate rounded-md bg-stone-100 px-2 py-px text-[12.5px] leading-5 font-medium text-stone-600 hover:bg-stone-200 hover:text-stone-900 dark:bg-stone-800/80 dark:text-stone-400 dark:hover:bg-stone-700 dark:hover:text-stone-100"
    >
      {label}
    </Link>
  )
}

/**
 * The link to the original post; its text says where it goes ("在 x.com 查看原文 @vista8"). In item
 * cards (`compact`) phones show "查看原文 @vista8": the source chip above already names the host, and
 * the full text stays the link's accessible name, so the row keeps the bookmark button beside it.
 */
export function OriginalLink({
  item,
  className,
  compact = false,
}: {
  item: Item
  className?: string
  compact?: boolean
}) {
  const lang = useLanguage()
  if (!item.url || !/^https?:\/\//i.test(item.url)) return null
  const host = item.source?.host ?? new URL(item.url).host
  const handle = item.source?.handle ? (
    <>
      {' '}
      <span dir="auto">@{item.source.handle}</span>
    </>
  ) : null
  const hostPart = compact ? 'max-sm:sr-only' : undefined
  return (
    <a
      href={item.url}
      target="_blank"
      rel="noopener noreferrer"
      data-original-link=""
      className={cn(
        // A handle of any length wraps inside the page (a 300-character one once made the link
        // 2,746 px wide): the label may shrink and break anywhere.
        'inline-flex max-w-full min-w-0 items-center gap-1 [overflow-wrap:anywhere]',
        className ?? 'rounded text-orange-700 hover:underline dark:text-orange-300',
      )}
    >
      {lang === 'zh' ? (
        <span className="min-w-0">
          <span className={hostPart}>在 {host} </span>查看原文{handle}
        </span>
      ) : (
        <span className="min-w-0">
          View original<span className={hostPart}> on {host}</span>
          {handle}
        </span>
      )}
      <ExternalIcon />
    </a>
  )
}
