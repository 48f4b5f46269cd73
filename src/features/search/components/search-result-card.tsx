import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { ItemActions } from '@/components/item-actions'
import { formatSlot } from '@/lib/digest-time'
import { useLanguage, useT } from '@/lib/i18n'
import type { DigestSummary } from '@/types/content'
import type { SearchHit } from '../engine/types'
import { HighlightedText } from './highlighted-text'

/** One search result: title (permalink), digest slot, categories, source and a marked snippet. */
export function SearchResultCard({ hit, digest }: { hit: SearchHit; digest?: DigestSummary }) {
  const lang = useLanguage()
  const t = useT()
  const { doc, snippet } = hit
  const source = [doc.host, doc.handle && `@${doc.handle}`].filter(Boolean).join(' · ')
  return (
    <article className="border-b border-stone-200 py-4 last:border-b-0 dark:border-stone-800">
      <div className="flex items-start gap-2">
        <h2 className="min-w-0 flex-1 text-base leading-snug font-semibold">
          <Link
            to={paths.item.getHref(doc.id)}
            className="hover:underline focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none"
          >
            <HighlightedText text={doc.title} ranges={hit.titleRanges} />
          </Link>
        </h2>
        {digest && (
          <ItemActions
            item={{ id: doc.id, title: doc.title, url: doc.url, text: doc.text }}
            digest={{ id: digest.id, date: digest.date, title: digest.title, time: digest.time }}
          />
        )}
      </div>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-stone-500 dark:text-stone-400">
        {digest && (
          <Link to={paths.digest.getHref(digest.id, doc.id)} className="hover:underline">
            <time dateTime={digest.date}>{formatSlot(digest, lang)}</time>
          </Link>
        )}
        {source &&
          (doc.url ? (
            <a
              href={doc.url}
              target="_blank"
              rel="noopener noreferrer"
              className="hover:underline"
              aria-label={`${t({ zh: '查看原文', en: 'Open original' })}: ${source}`}
            >
              {source} ↗
            </a>
          ) : (
            <span>{source}</span>
          ))}
        {doc.categories.length > 0 && <span>{doc.categories.join(' · ')}</span>}
      </p>
      <p className="mt-2 text-sm leading-relaxed text-stone-700 dark:text-stone-300">
        {snippet.cutStart && '…'}
        <HighlightedText text={snippet.text} ranges={snippet.ranges} />
        {snippet.cutEnd && '…'}
      </p>
      {hit.termRanges.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5">
          {hit.termRanges.map(({ term, ranges }) => (
            <li
              key={term}
              className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300"
            >
              <HighlightedText text={term} ranges={ranges} />
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
