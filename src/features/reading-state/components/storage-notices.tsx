import { useT } from '@/lib/i18n'
import type { VisitState } from '../api/visit-store'
import type { WatchState } from '../api/watch-store'

/**
 * What could not be read or saved, in words: the raw text stays where it was or under the named
 * backup key (never deleted by the app), and the page keeps working without it.
 */
export function StorageNotices({ list, visit }: { list: WatchState; visit: VisitState }) {
  const t = useT()
  const notes: string[] = []
  const kept = (key: string | null) =>
    key
      ? t({ zh: `原始数据另存于 ${key}。`, en: `The raw data is kept under ${key}.` })
      : t({ zh: '原始数据保持原样。', en: 'The raw data is left as it was.' })
  if (list.unreadable)
    notes.push(
      t({ zh: '已保存的关注列表无法读取。', en: 'The saved watch list could not be read.' }) +
        kept(list.unreadable.backupKey),
    )
  if (list.setAside)
    notes.push(
      t({
        zh: `${list.setAside.entries.length} 条关注无法读取，已另行保留：`,
        en: `${list.setAside.entries.length} watched terms could not be read and were set aside: `,
      }) +
        list.setAside.entries
          .map((e) => `${e.term ?? `#${e.index + 1}`} (${e.reason})`)
          .join(', ') +
        ' ' +
        kept(list.setAside.backupKey),
    )
  if (visit.unreadable)
    notes.push(
      t({
        zh: '上次访问的记录无法读取。',
        en: 'The record of your last visit could not be read.',
      }) + kept(visit.unreadable.backupKey),
    )
  if (list.saveProblem || visit.saveProblem)
    notes.push(
      t({
        zh: '无法保存到浏览器，改动只在本页面有效。',
        en: 'Changes could not be saved in this browser; they last only for this page.',
      }),
    )
  if (notes.length === 0) return null
  return (
    <div
      role="status"
      className="mb-6 space-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-400/40 dark:bg-amber-400/10 dark:text-amber-100"
    >
      {notes.map((note) => (
        <p key={note} className="[overflow-wrap:anywhere]">
          {note}
        </p>
      ))}
    </div>
  )
}
