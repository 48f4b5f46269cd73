import { useRef } from 'react'
import { useT, type Phrase } from '@/lib/i18n'
import {
  exportFileName,
  parseImportFile,
  toExportFile,
  type ImportError,
} from '../api/bookmark-file'
import type { Bookmark } from '../api/bookmark-schema'
import { useBookmarkStore } from '../hooks/bookmark-store-context'
import { downloadText } from '../utils/download'

/** The outcome of an import, shown by the page. */
export type ImportOutcome = { kind: 'done'; message: Phrase } | { kind: 'error'; message: Phrase }

/** FileReader rather than `Blob.text()`: older Safari (and jsdom) lack the latter. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file)
  })
}

const IMPORT_ERRORS: Record<ImportError | 'unreadable', Phrase> = {
  unreadable: {
    zh: '导入失败：无法读取这个文件。收藏没有任何改动。',
    en: 'Import failed: the file could not be read. Your bookmarks were not changed.',
  },
  'invalid-json': {
    zh: '导入失败：这个文件不是有效的 JSON。收藏没有任何改动。',
    en: 'Import failed: the file is not valid JSON. Your bookmarks were not changed.',
  },
  foreign: {
    zh: '导入失败：这不是 Digest Reader 导出的收藏文件。收藏没有任何改动。',
    en: 'Import failed: this is not a Digest Reader bookmarks file. Your bookmarks were not changed.',
  },
  'invalid-entries': {
    zh: '导入失败：文件中有无法识别的收藏条目。收藏没有任何改动。',
    en: 'Import failed: the file holds bookmarks that cannot be read. Your bookmarks were not changed.',
  },
  'future-version': {
    zh: '导入失败：文件来自更新版本的 Digest Reader。收藏没有任何改动。',
    en: 'Import failed: the file comes from a newer Digest Reader. Your bookmarks were not changed.',
  },
}

/** Export (download a JSON file) and import (pick one, validate, merge). */
export function BookmarksTransfer(props: {
  bookmarks: Bookmark[]
  onImported: (outcome: ImportOutcome) => void
}) {
  const t = useT()
  const store = useBookmarkStore()
  const input = useRef<HTMLInputElement>(null)
  const button = 'btn-secondary px-3 py-1.5 disabled:pointer-events-none disabled:opacity-50'

  const onFile = async (file: File | undefined) => {
    if (!file) return
    let text: string
    try {
      text = await readText(file)
    } catch {
      return props.onImported({ kind: 'error', message: IMPORT_ERRORS['unreadable'] })
    }
    const parsed = parseImportFile(text)
    if (!parsed.ok) return props.onImported({ kind: 'error', message: IMPORT_ERRORS[parsed.error] })
    const { added, updated } = store.importBookmarks(parsed.bookmarks)
    props.onImported({
      kind: 'done',
      message: {
        zh: `新增 ${added} 条，更新 ${updated} 条`,
        en: `Added ${added}, updated ${updated}`,
      },
    })
  }

  return (
    <div className="flex gap-2">
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
      <button type="button" className={button} onClick={() => input.current?.click()}>
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
