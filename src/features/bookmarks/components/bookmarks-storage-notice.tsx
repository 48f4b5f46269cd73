import { useT } from '@/lib/i18n'
import type { CorruptReason } from '../api/bookmark-migrate'
import type { BookmarkState, SetAside } from '../api/bookmark-store'
import { downloadText } from '../utils/download'

const REASONS: Record<CorruptReason, { zh: string; en: string }> = {
  'invalid-json': {
    zh: '保存的数据不是有效的 JSON，可能被截断或被其他程序改写。',
    en: 'The saved data is not valid JSON; it may have been cut off or changed by another program.',
  },
  'wrong-shape': {
    zh: '保存的数据格式无法识别为收藏。',
    en: 'The saved data does not have the shape of bookmarks.',
  },
  'future-version': {
    zh: '保存的数据来自更新版本的 Digest Reader，这个版本无法读取。',
    en: 'The saved data comes from a newer version of Digest Reader that this version cannot read.',
  },
}

const backupFileName = (key: string) =>
  `digest-reader-bookmarks-backup-${key.split(':').pop()}.json`

/** Named after the backup key when there is one; the raw text may not be JSON, so `.txt`. */
const rawFileName = (backupKey: string | null) =>
  backupKey ? backupFileName(backupKey) : `digest-reader-bookmarks-raw-${Date.now()}.txt`

/** Explains storage trouble: unreadable data (kept, downloadable) or changes that are not saved. */
export function BookmarksStorageNotice(props: { state: BookmarkState; onStartFresh: () => void }) {
  const t = useT()
  const { corruption, saveProblem, bookmarks, setAside } = props.state
  const banner =
    'rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100'
  const button =
    'rounded-md border border-amber-400 bg-white px-3 py-1 font-medium hover:bg-amber-100 dark:border-amber-700 dark:bg-stone-900 dark:hover:bg-amber-900/40'
  return (
    <div role="status" aria-live="polite" className="space-y-3 empty:hidden">
      {corruption && (
        <section className={banner}>
          <h2 className="font-semibold">
            {t({ zh: '无法读取已保存的收藏', en: 'Your saved bookmarks could not be read' })}
          </h2>
          <p className="mt-1">{t(REASONS[corruption.reason])}</p>
          <p className="mt-1">
            {corruption.backupKey
              ? t({
                  zh: '原始数据已原样保留在本浏览器中，没有被改动或删除，可随时下载。',
                  en: 'The raw data is kept unchanged in this browser; nothing was changed or deleted, and you can download it.',
                })
              : t({
                  zh: '浏览器中没能另存一份备份（存储空间已满或被禁止），所以原始数据保持原样、没有被改动；请先下载原始数据。',
                  en: 'No backup copy could be kept in this browser (storage is full or blocked), so the raw data has been left unchanged; download the raw data first.',
                })}
            {t({
              zh: '在你选择“重新开始”之前，新的收藏不会写入浏览器。',
              en: ' Until you choose “Start fresh”, new bookmarks are not written to the browser.',
            })}
          </p>
          {saveProblem && (
            <p className="mt-1 font-medium">
              {t({
                zh: '现在无法写入浏览器存储（已满或被禁止），所以没有重新开始：没有备份就替换原始数据会丢失它。请先下载原始数据并导出收藏，腾出存储空间后再试。',
                en: 'Browser storage cannot be written right now (full or blocked), so Start fresh did not go ahead: replacing the raw data without a backup would lose it. Download the raw data and export your bookmarks first, then free up storage and try again.',
              })}
            </p>
          )}
          {bookmarks.length > 0 && (
            <p className="mt-1 font-medium">
              {t({
                zh: `当前 ${bookmarks.length} 条收藏尚未保存。`,
                en: `${bookmarks.length} current bookmarks are not saved yet.`,
              })}
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              className={button}
              // From the copy in memory, so it works even when no backup key could be written.
              onClick={() => downloadText(rawFileName(corruption.backupKey), corruption.raw)}
            >
              {corruption.backupKey
                ? t({ zh: '下载备份', en: 'Download backup' })
                : t({ zh: '下载原始数据', en: 'Download raw data' })}
            </button>
            <button type="button" className={button} onClick={props.onStartFresh}>
              {t({ zh: '重新开始（保留备份）', en: 'Start fresh (keep the backup)' })}
            </button>
          </div>
        </section>
      )}
      {setAside && <SetAsideNotice setAside={setAside} className={banner} button={button} />}
      {!corruption && saveProblem && (
        <section className={banner}>
          <h2 className="font-semibold">
            {saveProblem === 'quota'
              ? t({ zh: '浏览器存储空间已满', en: 'Browser storage is full' })
              : t({ zh: '浏览器不允许保存数据', en: 'This browser does not allow saving data' })}
          </h2>
          <p className="mt-1">
            {t({
              zh: '最近的更改只保存在当前页面中，关闭页面后会丢失。请导出收藏，以免丢失。',
              en: 'Recent changes are kept only in this page and will be lost when it closes. Export your bookmarks to keep them.',
            })}
          </p>
        </section>
      )}
    </div>
  )
}

/** Entries of the stored bookmarks that could not be used: which ones, and where they are kept. */
function SetAsideNotice(props: { setAside: SetAside; className: string; button: string }) {
  const t = useT()
  const { entries, backupKey, raw } = props.setAside
  const titled = entries.flatMap((e) => (e.title ? [e.title] : []))
  const n = entries.length
  return (
    <section className={props.className}>
      <h2 className="font-semibold">
        {t({
          zh: `有 ${n} 条收藏无法读取，已另行保留`,
          en: `${n === 1 ? '1 saved bookmark' : `${n} saved bookmarks`} could not be read and were set aside`,
        })}
      </h2>
      <p className="mt-1">
        {backupKey
          ? t({
              zh: '它们原样保留在本浏览器的一份备份中，可随时下载；其余收藏照常可用。',
              en: 'They are kept as they were in a backup in this browser, which you can download; your other bookmarks work as usual.',
            })
          : t({
              zh: '浏览器中没能另存一份备份（存储空间已满或被禁止），所以已保存的数据保持原样、不会被改写；请先下载原始数据。其余收藏照常可用。',
              en: 'No backup copy could be kept in this browser (storage is full or blocked), so the saved data is left unchanged; download the raw data first. Your other bookmarks work as usual.',
            })}
      </p>
      {titled.length > 0 && (
        // Titles are stored text: React renders them as text, and each stays in its own item.
        <ul className="mt-1 list-disc pl-5 break-words" lang="zh-CN">
          {titled.slice(0, 5).map((title, i) => (
            <li key={i}>{title}</li>
          ))}
          {titled.length > 5 && <li>…</li>}
        </ul>
      )}
      <div className="mt-3">
        <button
          type="button"
          className={props.button}
          onClick={() => downloadText(rawFileName(backupKey), raw)}
        >
          {backupKey
            ? t({ zh: '下载备份', en: 'Download backup' })
            : t({ zh: '下载原始数据', en: 'Download raw data' })}
        </button>
      </div>
    </section>
  )
}

/** Backups kept from earlier unreadable or upgraded data, each downloadable. */
export function BookmarkBackups(props: { backups: { key: string; raw: string }[] }) {
  const t = useT()
  if (props.backups.length === 0) return null
  return (
    <details className="text-sm text-stone-600 dark:text-stone-400">
      <summary className="cursor-pointer">
        {t({
          zh: `本浏览器中保留了 ${props.backups.length} 份旧数据备份`,
          en: `${props.backups.length} backups of earlier data are kept in this browser`,
        })}
      </summary>
      <ul className="mt-2 space-y-1">
        {props.backups.map((b) => (
          <li key={b.key} className="flex items-center gap-2">
            <code className="text-xs break-all">{b.key}</code>
            <button
              type="button"
              className="underline underline-offset-2"
              onClick={() => downloadText(backupFileName(b.key), b.raw)}
            >
              {t({ zh: '下载', en: 'Download' })}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
