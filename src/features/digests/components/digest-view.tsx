import { useEffect } from 'react'
import type { Digest, DigestSummary, Head } from '@/types/content'
import { plural, useLanguage, useT } from '@/lib/i18n'
import { formatPublished, formatSlot } from '@/lib/digest-time'
import { CategoryChips } from './category-chips'
import { ItemCard } from './item-card'
import { DigestPager } from './digest-pager'
import { PublisherLabel } from './publisher-label'
import { ContentText } from '@/components/ui/content-text'
import { contentLang } from '@/lib/content-lang'

/**
 * One digest as published: numbered items, each anchored by its id so `#<itemId>` links scroll to
 * and highlight it, and links to the neighbouring digests.
 */
export function DigestView({
  head,
  digest,
  neighbours,
  highlightId,
}: {
  head: Head
  digest: Digest
  neighbours: { newer?: DigestSummary; older?: DigestSummary }
  highlightId?: string
}) {
  const t = useT()
  const lang = useLanguage()

  useEffect(() => {
    if (!highlightId) return
    const target = document.getElementById(highlightId)
    if (!target) return
    target.scrollIntoView?.({ block: 'start' })
    target.focus({ preventScroll: true })
  }, [highlightId, digest.id])

  return (
    <article aria-labelledby="page-heading">
      <header className="mb-8 space-y-3 border-b border-stone-200 pb-6 dark:border-stone-800">
        <p className="eyebrow">
          {formatSlot(digest, lang)}
          <PublisherLabel
            head={head}
            publisherId={digest.publisher}
            className="before:mx-1.5 before:content-['·']"
          />
        </p>
        <h1 id="page-heading" tabIndex={-1} className="page-title" lang={contentLang(digest.title)}>
          <ContentText text={digest.title} />
        </h1>
        <p className="text-sm text-stone-500 dark:text-stone-400">
          {/* The eyebrow names the slot (04:00); this is when it actually went out (04:08). */}
          {t({ zh: '发布于 ', en: 'Published ' })}
          <time dateTime={digest.date}>{formatPublished(digest)}</time>
          {' · '}
          {t({ zh: `${digest.items.length} 条`, en: plural(digest.items.length, 'item') })}
        </p>
        <CategoryChips categories={digest.categories} />
      </header>
      <ol className="divide-y divide-stone-200/80 dark:divide-stone-800">
        {digest.items.map((item) => (
          <li key={item.id}>
            <ItemCard
              item={item}
              digest={digest}
              level={2}
              numbered
              highlighted={item.id === highlightId}
            />
          </li>
        ))}
      </ol>
      <DigestPager {...neighbours} />
    </article>
  )
}
