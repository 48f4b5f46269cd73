import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useLanguage, useT } from '@/lib/i18n'
import type { Bookmark } from '../api/bookmark-schema'
import { excerptOf } from '../api/bookmark-snapshot'
import type { ArchiveStatus } from '../types/archive-lookup'
import { BookmarkNote } from './bookmark-note'
import { ContentText } from '@/components/ui/content-text'
import { contentLang } from '@/lib/content-lang'

const isHttp = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url)

// One formatter per language for every row: building an Intl.DateTimeFormat costs far more than
// formatting with one, and a long list has thousands of rows.
const formatters = new Map<string, Intl.DateTimeFormat>()
function savedOnFormat(language: string): Intl.DateTimeFormat {
  let format = formatters.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' })
    formatters.set(language, format)
  }
  return format
}

/** One saved bookmark: title, where it came from, when it was saved, its note, and actions. */
export function BookmarkRow(props: {
  bookmark: Bookmark
  archive: ArchiveStatus
  onNote: (note: string) => void
  onRemove: () => void
}) {
  const t = useT()
  const language = useLanguage()
  const { bookmark, archive } = props
  // The current content wins where it exists: the snapshot is the fallback, not the truth.
  const current = archive.status === 'present' ? archive : undefined
  const title = current?.title ?? bookmark.title
  const url = current ? current.url : bookmark.url
  const digestTitle = current?.digestTitle || bookmark.digestTitle
  const digestDate = (current?.digestDate || bookmark.digestDate).slice(0, 10)
  // Bookmarks migrated from v1 carry no excerpt; the current content supplies one.
  const excerpt = bookmark.excerpt || (current ? excerptOf(current.text) : '')
  const missing = archive.status === 'missing'
  // `savedAt` is bounded by the schema to a time every engine parses, so this cannot throw.
  const savedOn = savedOnFormat(language).format(new Date(bookmark.savedAt))

  return (
    <div
      className={`rounded-xl border px-4 py-3 ${
        missing
          ? 'border-dashed border-stone-300 bg-stone-100/50 dark:border-stone-700 dark:bg-stone-900/30'
          : 'border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900/60'
      }`}
    >
      <div className="flex items-start gap-3">
        <h2
          className="min-w-0 flex-1 text-base leading-snug font-semibold [overflow-wrap:anywhere]"
          lang={contentLang(title)}
        >
          {missing ? (
            <span className="leading-snug text-stone-600 dark:text-stone-400">
              <ContentText text={title} />
            </span>
          ) : (
            <Link
              to={paths.item.getHref(bookmark.itemId)}
              // Inline elements match `:lang(zh)` too; their own leading keeps lines tight.
              className="leading-snug hover:text-orange-700 dark:hover:text-orange-300"
            >
              <ContentText text={title} />
            </Link>
          )}
        </h2>
        <button
          type="button"
          onClick={props.onRemove}
          aria-label={t({ zh: `移除收藏：${title}`, en: `Remove bookmark: ${title}` })}
          className="shrink-0 rounded-md px-2 py-0.5 text-sm text-stone-500 hover:bg-stone-100 hover:text-red-700 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-red-300"
        >
          {t({ zh: '移除', en: 'Remove' })}
        </button>
      </div>
      {missing && (
        <p className="mt-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {t({ zh: '已不在存档中', en: 'No longer in the archive' })}
        </p>
      )}
      {excerpt && (
        <p className="mt-1 line-clamp-3 text-sm text-stone-600 dark:text-stone-400" lang="zh-CN">
          {excerpt}
        </p>
      )}
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-500 dark:text-stone-400">
        <span>
          {t({ zh: '收藏于 ', en: 'Saved ' })}
          <time dateTime={bookmark.savedAt}>{savedOn}</time>
        </span>
        {(digestTitle || digestDate) &&
          (missing || !bookmark.digestId ? (
            <span className="min-w-0 break-words">{digestTitle || digestDate}</span>
          ) : (
            // The digest, scrolled to this item: where it was read, with its neighbours.
            <Link
              to={paths.digest.getHref(bookmark.digestId, bookmark.itemId)}
              className="min-w-0 break-words hover:text-stone-900 hover:underline dark:hover:text-white"
              lang="zh-CN"
            >
              {digestTitle || digestDate}
            </Link>
          ))}
        {isHttp(url) && (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className="text-stone-600 underline decoration-stone-300 underline-offset-2 hover:text-stone-900 dark:text-stone-300 dark:decoration-stone-600 dark:hover:text-white"
          >
            {t({ zh: '原文', en: 'Original post' })}
            <span aria-hidden="true"> ↗</span>
          </a>
        )}
      </p>
      <div className="mt-1 -mx-2">
        <BookmarkNote note={bookmark.note} title={title} onSave={props.onNote} />
      </div>
    </div>
  )
}
