import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { ItemActions } from '@/components/item-actions'
import { isDateOnly, localParts } from '@/lib/digest-time'
import { useLanguage, useT, type Language } from '@/lib/i18n'
import type { HitDigest, SearchHit } from '../engine/types'
import { contentLang } from '@/lib/content-lang'
import { HighlightedText } from './highlighted-text'

const EN_MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')

/**
 * The digest's slot with its year ("2025年12月22日 04:00"): results span the whole archive, so
 * "12月22日" alone would not say which December.
 */
export function formatResultSlot(digest: HitDigest, lang: Language): string {
  const p = localParts(digest.time, digest.offsetMinutes)
  const hour = isDateOnly(digest) ? '' : ` ${String(p.hour).padStart(2, '0')}:00`
  return lang === 'zh'
    ? `${p.year}年${p.month}月${p.day}日${hour}`
    : `${EN_MONTHS[p.month - 1]} ${p.day}, ${p.year}${hour && `,${hour}`}`
}

/**
 * One search result: title (permalink), digest slot, publisher (when there are several),
 * categories, source and a marked snippet. Like the reader's item cards it carries
 * `data-item-id` and takes focus, so `j`/`k` move between results, `o` opens the original and `b`
 * bookmarks.
 */
export function SearchResultCard({
  hit,
  publisher,
}: {
  hit: SearchHit
  /** The publisher's display name, given only when the archive has several. */
  publisher?: string
}) {
  const lang = useLanguage()
  const t = useT()
  const { doc, snippet, digest } = hit
  const source = [doc.host, doc.handle && `@${doc.handle}`].filter(Boolean).join(' · ')
  return (
    <article
      data-item-id={doc.id}
      tabIndex={-1}
      aria-labelledby={`result-${doc.id}`}
      className="item-card"
    >
      <div className="min-w-0 flex-1">
        <div className="flex items-start gap-2">
          <h2
            id={`result-${doc.id}`}
            lang={contentLang(doc.title)}
            className="min-w-0 flex-1 text-base leading-snug font-semibold"
          >
            <Link to={paths.item.getHref(doc.id)} className="hover:underline">
              {/* Isolated: a bidi control in a title must not reorder the card around it. */}
              <span dir="auto">
                <HighlightedText text={doc.title} ranges={hit.titleRanges} />
              </span>
            </Link>
          </h2>
          <ItemActions
            item={{ id: doc.id, title: doc.title, url: doc.url, text: doc.text }}
            digest={{ id: digest.id, date: digest.date, title: digest.title, time: digest.time }}
          />
        </div>
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-stone-500 dark:text-stone-400">
          <Link to={paths.digest.getHref(digest.id, doc.id)} className="hover:underline">
            <time dateTime={digest.date}>{formatResultSlot(digest, lang)}</time>
          </Link>
          {publisher && <span>{publisher}</span>}
          {source &&
            (doc.url ? (
              <a
                href={doc.url}
                data-original-link=""
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
          {doc.categories.length > 0 && (
            <span lang={contentLang(doc.categories.join(''))}>{doc.categories.join(' · ')}</span>
          )}
        </p>
        <p
          lang={contentLang(doc.text)}
          className="mt-2 text-sm leading-relaxed text-stone-700 dark:text-stone-300"
        >
          {snippet.cutStart && '…'}
          <HighlightedText text={snippet.text} ranges={snippet.ranges} />
          {snippet.cutEnd && '…'}
        </p>
        {hit.termRanges.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {hit.termRanges.map(({ term, ranges }) => (
              <li
                key={term}
                lang={contentLang(term)}
                className="rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300"
              >
                <HighlightedText text={term} ranges={ranges} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  )
}
