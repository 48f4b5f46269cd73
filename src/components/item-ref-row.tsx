import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { ItemRef } from '@/types/topics'
import { paths } from '@/config/paths'
import { localParts } from '@/lib/digest-time'
import { useLanguage, type Language } from '@/lib/i18n'

const EN_MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')

/** A ref's day with its year: topic and source lists span the whole archive. */
export function refDay(time: number, offsetMinutes: number, lang: Language): string {
  const p = localParts(time, offsetMinutes)
  return lang === 'zh'
    ? `${p.year}年${p.month}月${p.day}日`
    : `${EN_MONTHS[p.month - 1]} ${p.day}, ${p.year}`
}

/**
 * One item of a topic, source, story or related list: its title (to its page), day and source,
 * and an optional note (`via 可验证奖励强化学习`, the topics it shares).
 */
export function ItemRefRow({ refItem, note }: { refItem: ItemRef; note?: ReactNode }) {
  const lang = useLanguage()
  const [id, title, time, offset, label] = refItem
  return (
    <div className="border-b border-stone-200 py-3 dark:border-stone-800" data-item-id={id}>
      <Link
        to={paths.item.getHref(id)}
        className="font-medium text-pretty hover:text-orange-700 hover:underline dark:hover:text-orange-300"
        lang="zh-CN"
      >
        {title}
      </Link>
      <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-stone-500 dark:text-stone-400">
        <time dateTime={new Date(time).toISOString()}>{refDay(time, offset, lang)}</time>
        {label && <span>· {label}</span>}
        {note && <span>· {note}</span>}
      </p>
    </div>
  )
}
