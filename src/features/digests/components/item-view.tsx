import { Link } from 'react-router-dom'
import type { Digest, Head, Item } from '@/types/content'
import { paths } from '@/config/paths'
import { useLanguage, useT } from '@/lib/i18n'
import { formatSlot } from '@/lib/digest-time'
import { ItemActions } from '@/components/item-actions'
import { CopyLinkButton } from '@/components/ui/copy-link-button'
import { SummaryText } from './summary-text'
import { OriginalLink, SourceChip } from './source'
import { CategoryChips } from './category-chips'
import { PublisherLabel } from './publisher-label'
import { ContentText } from '@/components/ui/content-text'
import { contentLang } from '@/lib/content-lang'

/** An item's permalink page: the item in full, where it was published, and its original post. */
export function ItemView({ head, item, digest }: { head: Head; item: Item; digest: Digest }) {
  const t = useT()
  const lang = useLanguage()
  return (
    <article data-item-id={item.id} tabIndex={-1} aria-labelledby="page-heading">
      <p className="eyebrow">
        <Link to={paths.digest.getHref(digest.id, item.id)} className="hover:underline">
          {t({
            zh: `${formatSlot(digest, lang)} 摘要 · 第 ${item.position} 条`,
            en: `Digest of ${formatSlot(digest, lang)} · Item ${item.position}`,
          })}
        </Link>
        <PublisherLabel
          head={head}
          publisherId={digest.publisher}
          className="before:mx-1.5 before:content-['·']"
        />
      </p>
      <h1
        id="page-heading"
        tabIndex={-1}
        className="page-title mt-3"
        lang={contentLang(item.title)}
      >
        <ContentText text={item.title} />
      </h1>
      <div className="mt-3">
        <SourceChip item={item} />
      </div>
      <div className="item-summary mt-6 text-[17px]" lang={contentLang(item.text)}>
        <SummaryText runs={item.summary} terms={item.terms} />
      </div>
      <div className="mt-8 flex flex-wrap items-center gap-3">
        {item.url && <OriginalLink item={item} className="btn-primary" />}
        <CopyLinkButton href={paths.item.getHref(item.id)} />
        <ItemActions
          item={item}
          digest={{ id: digest.id, date: digest.date, title: digest.title, time: digest.time }}
        />
      </div>
      <footer className="mt-10 space-y-3 border-t border-stone-200 pt-6 text-sm dark:border-stone-800">
        <p className="text-pretty text-stone-500 dark:text-stone-400">
          {t({ zh: '收录于', en: 'Published in' })}{' '}
          <Link
            to={paths.digest.getHref(digest.id, item.id)}
            className="font-medium text-stone-900 hover:underline dark:text-stone-100"
          >
            <ContentText text={digest.title} />
          </Link>
        </p>
        <CategoryChips categories={digest.categories} />
      </footer>
    </article>
  )
}
