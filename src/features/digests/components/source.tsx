import type { Item } from '@/types/content'
import { useT } from '@/lib/i18n'
import { ExternalIcon } from '@/components/ui/icons'
import { cn } from '@/lib/cn'

/** "x.com · @vista8", or just the host when the link names no account. */
export function sourceLabel(item: Pick<Item, 'source'>): string | null {
  const s = item.source
  if (!s) return null
  return s.handle ? `${s.host} · @${s.handle}` : s.host
}

/** The source as a quiet label, e.g. `x.com · @vista8`. */
export function SourceChip({ item }: { item: Item }) {
  const label = sourceLabel(item)
  if (!label) return null
  return (
    <span className="inline-flex max-w-full items-center truncate rounded-md bg-stone-100 px-2 py-px text-[12.5px] leading-5 font-medium text-stone-600 dark:bg-stone-800/80 dark:text-stone-400">
      {label}
    </span>
  )
}

/** The link to the original post; its text says where it goes ("在 x.com 查看原文 @vista8"). */
export function OriginalLink({ item, className }: { item: Item; className?: string }) {
  const t = useT()
  if (!item.url || !/^https?:\/\//i.test(item.url)) return null
  const host = item.source?.host ?? new URL(item.url).host
  const handle = item.source?.handle ? ` @${item.source.handle}` : ''
  return (
    <a
      href={item.url}
      target="_blank"
      rel="noopener noreferrer"
      data-original-link=""
      className={cn(
        'inline-flex items-center gap-1',
        className ?? 'rounded text-orange-700 hover:underline dark:text-orange-300',
      )}
    >
      {t({ zh: `在 ${host} 查看原文${handle}`, en: `View original on ${host}${handle}` })}
      <ExternalIcon />
    </a>
  )
}
