import { useMemo, useState } from 'react'
import { useLocation, useSearchParams } from 'react-router-dom'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import type { Bookmark } from '../api/bookmark-schema'
import { useBookmarkStore, useBookmarks } from '../hooks/bookmark-store-context'
import type { Bookmark as BookmarkType } from '../api/bookmark-schema'
import type { UseArchiveStatus } from '../types/archive-lookup'
import { VirtualList } from '@/components/ui/virtual-list'
import { BookmarkIcon } from './bookmark-icon'
import { BookmarkRow } from './bookmark-row'
import { BookmarkBackups, BookmarksStorageNotice } from './bookmarks-storage-notice'
import { BookmarksTransfer, type ImportOutcome } from './bookmarks-transfer'
import { ContentText } from '@/components/ui/content-text'

function matches(bookmark: Bookmark, query: string): boolean {
  const haystack = [bookmark.title, bookmark.note, bookmark.excerpt, bookmark.digestTitle]
  return haystack.some((text) => text.toLowerCase().includes(query))
}

/** A bookmark row's height before it is measured. */
const ROW_PX = 150

/** One row, resolved against the archive only while it is on screen. */
function ResolvedRow({
  bookmark,
  useArchiveStatus,
  onRemoved,
}: {
  bookmark: BookmarkType
  useArchiveStatus: UseArchiveStatus
  onRemoved: (bookmark: BookmarkType) => void
}) {
  const store = useBookmarkStore()
  return (
    <BookmarkRow
      bookmark={bookmark}
      archive={useArchiveStatus(bookmark)}
      onNote={(note) => store.setNote(bookmark.itemId, note)}
      onRemove={() => {
        store.remove(bookmark.itemId)
        onRemoved(bookmark)
      }}
    />
  )
}

/** All bookmarks, newest first, with a filter, notes, export/import and storage warnings. */
export function BookmarksPage({ useArchiveStatus }: { useArchiveStatus: UseArchiveStatus }) {
  const t = useT()
  const store = useBookmarkStore()
  const state = useBookmarks()
  const [params, setParams] = useSearchParams()
  const { key } = useLocation()
  const filter = params.get('filter') ?? ''
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const [removed, setRemoved] = useState<Bookmark | null>(null)
  // One message at a time: an import's outcome replaces a pending undo, as a removal replaces it.
  const showImport = (result: ImportOutcome) => {
    setOutcome(result)
    setRemoved(null)
  }
  // Backups change only when the stored state does; reading them per keystroke is wasted work.
  const backups = useMemo(() => (state.corruption ? [] : store.listBackups()), [store, state])

  useDocumentTitle(t({ zh: '收藏', en: 'Bookmarks' }))

  const query = filter.trim().toLowerCase()
  const shown = query ? state.bookmarks.filter((b) => matches(b, query)) : state.bookmarks

  return (
    <div className="space-y-4">
      <PageHeading title={t({ zh: '收藏', en: 'Bookmarks' })}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <span>
            {state.corruption
              ? t({ zh: '已保存的收藏暂时无法读取', en: 'Saved bookmarks cannot be read' })
              : state.unsaved
                ? t({
                    zh: `共 ${state.bookmarks.length} 条 · 尚未保存`,
                    en: `${state.bookmarks.length} bookmarks · not saved`,
                  })
                : t({
                    zh: `共 ${state.bookmarks.length} 条 · 保存在这个浏览器中`,
                    en: `${state.bookmarks.length} saved in this browser`,
                  })}
          </span>
          <BookmarksTransfer bookmarks={state.bookmarks} onImported={showImport} />
        </div>
      </PageHeading>

      <BookmarksStorageNotice state={state} onStartFresh={store.startFresh} />

      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {outcome?.kind === 'done' && (
          <p className="text-emerald-800 dark:text-emerald-300">{t(outcome.message)}</p>
        )}
        {removed && (
          <p className="flex items-baseline gap-2 text-stone-600 dark:text-stone-400">
            <span className="min-w-0">
              {t({ zh: '已移除“', en: 'Removed “' })}
              <ContentText text={removed.title} />
              {'”'}
            </span>
            <button
              type="button"
              className="shrink-0 font-medium whitespace-nowrap underline underline-offset-2"
              onClick={() => {
                store.add(removed)
                setRemoved(null)
              }}
            >
              {t({ zh: '撤销', en: 'Undo' })}
            </button>
          </p>
        )}
      </div>
      {outcome?.kind === 'error' && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
        >
          {t(outcome.message)}
        </p>
      )}

      {state.bookmarks.length > 0 && (
        <input
          type="search"
          value={filter}
          onChange={(event) =>
            setParams(event.target.value ? { filter: event.target.value } : {}, { replace: true })
          }
          aria-label={t({ zh: '筛选收藏', en: 'Filter bookmarks' })}
          placeholder={t({ zh: '筛选标题、备注或摘要…', en: 'Filter by title, note or summary…' })}
          className="w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-900"
        />
      )}

      {state.bookmarks.length === 0 ? (
        // With unreadable data the banner above says what happened; "no bookmarks yet" would not.
        !state.corruption && (
          <div className="rounded-lg border border-dashed border-stone-300 px-4 py-8 text-center text-stone-600 dark:border-stone-700 dark:text-stone-400">
            <BookmarkIcon filled={false} className="mx-auto mb-2 h-6 w-6 text-stone-400" />
            <p className="font-medium">{t({ zh: '还没有收藏', en: 'No bookmarks yet' })}</p>
            <p className="mt-1 text-sm">
              {t({
                zh: '点击任意条目旁的书签按钮，或用 j/k 选中条目后按 b，即可收藏。收藏保存在这个浏览器中，可随时导出。',
                en: 'Press the bookmark button next to any item, or select an item with j/k and press b. Bookmarks are kept in this browser and can be exported at any time.',
              })}
            </p>
          </div>
        )
      ) : shown.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {t({ zh: '没有与“', en: 'No bookmarks match “' })}
          <ContentText text={filter} />
          {t({ zh: '”匹配的收藏。', en: '”.' })}
        </p>
      ) : (
        <VirtualList
          key={query}
          label={t({ zh: '收藏列表', en: 'Bookmark list' })}
          count={shown.length}
          estimateSize={() => ROW_PX}
          historyKey={`bookmarks:${key}:${query}`}
          renderRow={(index) => (
            <div className="pb-3">
              <ResolvedRow
                bookmark={shown[index]!}
                useArchiveStatus={useArchiveStatus}
                onRemoved={(bookmark) => {
                  setRemoved(bookmark)
                  setOutcome(null)
                }}
              />
            </div>
          )}
        />
      )}

      <BookmarkBackups backups={backups} />
    </div>
  )
}
