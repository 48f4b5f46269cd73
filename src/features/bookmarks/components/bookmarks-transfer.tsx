import { useRef, useState } from 'react'
import { useT, type Phrase } from '@/lib/i18n'
import { paths } from '@/config/paths'
import { routerBasename } from '@/lib/router-basename'
import { IMPORT_LIMITS, exportFileName, parseImportFile, toExportFile } from '../api/bookmark-file'
import type { Bookmark } from '../api/bookmark-schema'
import type { BookmarkStore } from '../api/bookmark-store'
import { useBookmarkStore } from '../hooks/bookmark-store-context'
import { downloadText } from '../utils/download'
import { toBookmarksHtml, toMarkdown } from '../api/bookmark-formats'
import { importDone, readFailure, refusal } from './import-messages'

/** The outcome of an import, shown by the page. */
export type ImportOutcome = { kind: 'done'; message: Phrase } | { kind: 'error'; message: Phrase }

/** Where an import is: reading the file, then reading its entries (share done, 0–1). */
type Progress = { step: 'reading' } | { step: 'entries'; done: number }

/** An item's page in this deployment, absolute: exported files are opened outside the app. */
const absoluteItemUrl = (itemId: string) =>
  new URL(`${routerBasename.replace(/\/$/, '')}${paths.item.getHref(itemId)}`, location.origin).href

/** Exports for other tools, beside the JSON file the app imports back. */
const EXPORT_FORMATS = [
  {
    extension: 'md',
    type: 'text/markdown',
    write: toMarkdown,
    label: { zh: '导出 Markdown', en: 'Export Markdown' },
  },
  {
    extension: 'html',
    type: 'text/html',
    write: toBookmarksHtml,
    label: { zh: '导出为浏览器书签', en: 'Export browser bookmarks' },
  },
] as const

/** FileReader rather than `Blob.text()`: older Safari (and jsdom) lack the latter. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file)
  })
}

/**
 * Reads, checks and merges one file. The size is checked before reading, the count before any
 * entry is read, entries are read in slices that let the page answer input, and nothing here
 * may reject: every failure becomes a message.
 */
async function importFile(
  file: File,
  store: BookmarkStore,
  onProgress: (progress: Progress) => void,
): Promise<ImportOutcome> {
  if (file.size > IMPORT_LIMITS.bytes) {
    return { kind: 'error', message: readFailure.tooLarge(file.size) }
  }
  onProgress({ step: 'reading' })
  let text: string
  try {
    text = await readText(file)
  } catch {
    return { kind: 'error', message: readFailure.unreadable }
  }
  try {
    const parsed = await parseImportFile(text, {
      onProgress: (done, total) => onProgress({ step: 'entries', done: total ? done / total : 1 }),
    })
    if (!parsed.ok) return { kind: 'error', message: refusal(parsed) }
    const { added, updated } = store.importBookmarks(parsed.bookmarks)
    return { kind: 'done', message: importDone(added, updated, parsed.rejected) }
  } catch {
    return { kind: 'error', message: readFailure.unexpected }
  }
}

/** Export (download a JSON file) and import (pick one, validate, merge). */
export function BookmarksTransfer(props: {
  bookmarks: Bookmark[]
  onImported: (outcome: ImportOutcome) => void
}) {
  const t = useT()
  const store = useBookmarkStore()
  const input = useRef<HTMLInputElement>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const button = 'btn-secondary px-3 py-1.5 disabled:pointer-events-none disabled:opacity-50'

  const onFile = async (file: File | undefined) => {
    if (!file) return
    const outcome = await importFile(file, store, setProgress)
    setProgress(null)
    props.onImported(outcome)
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {progress && (
        <span role="status" className="flex items-center gap-2 text-sm">
          {progress.step === 'reading'
            ? t({ zh: '正在读取文件…', en: 'Reading the file…' })
            : t({
                zh: `正在导入… ${Math.round(progress.done * 100)}%`,
                en: `Importing… ${Math.round(progress.done * 100)}%`,
              })}
          {progress.step === 'entries' && (
            <progress className="w-20" max={1} value={progress.done} aria-hidden="true" />
          )}
        </span>
      )}
      <button
        type="button"
        className={button}
        disabled={props.bookmarks.length === 0}
        onClick={() => {
          const now = new Date()
          downloadText(exportFileName(now), toExportFile(props.bookmarks, now))
        }}
      >
        {t({ zh: '导出', en: 'Export' })}
      </button>
      {EXPORT_FORMATS.map((format) => (
        <button
          key={format.extension}
          type="button"
          className={button}
          disabled={props.bookmarks.length === 0}
          onClick={() => {
            const now = new Date()
            downloadText(
              exportFileName(now, { extension: format.extension }),
              format.write(props.bookmarks, { now, itemUrl: absoluteItemUrl }),
              format.type,
            )
          }}
        >
          {t(format.label)}
        </button>
      ))}
      <button
        type="button"
        className={button}
        // One import at a time, so the progress shown is that of the file just picked.
        disabled={progress !== null}
        onClick={() => input.current?.click()}
      >
        {t({ zh: '导入…', en: 'Import…' })}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label={t({ zh: '导入收藏文件', en: 'Bookmarks file to import' })}
        className="hidden"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          // Reset so picking the same file again still fires a change.
          event.currentTarget.value = ''
          void onFile(file)
        }}
      />
    </div>
  )
}
