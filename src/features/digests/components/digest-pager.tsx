import { Link } from 'react-router-dom'
import type { DigestSummary } from '@/types/content'
import { paths } from '@/config/paths'
import { useLanguage, useT } from '@/lib/i18n'
import { formatSlot } from '@/lib/digest-time'
import { ChevronLeftIcon, ChevronRightIcon } from '@/components/ui/icons'

/** Slot and title: daily digests of one day share a slot, so the title tells them apart. */
function Target({ digest }: { digest: DigestSummary }) {
  const lang = useLanguage()
  return (
    <>
      <span className="font-medium tabular-nums">{formatSlot(digest, lang)}</span>
      <span
        className="line-clamp-2 text-sm text-stone-600 [overflow-wrap:anywhere] dark:text-stone-400"
        lang="zh-CN"
      >
        {digest.title}
      </span>
    </>
  )
}

/** Links to the next newer and next older digest of the same publisher. */
export function DigestPager({ newer, older }: { newer?: DigestSummary; older?: DigestSummary }) {
  const t = useT()
  return (
    <nav
      aria-label={t({ zh: '相邻摘要', en: 'Neighbouring digests' })}
      className="mt-10 grid grid-cols-2 gap-3 border-t border-stone-200 pt-6 dark:border-stone-800"
    >
      {older ? (
        <Link to={paths.digest.getHref(older.id)} rel="prev" className="pager-link min-w-0">
          <span className="pager-label">
            <ChevronLeftIcon />
            {t({ zh: '上一期（较早）', en: 'Previous (older)' })}
          </span>
          <Target digest={older} />
        </Link>
      ) : (
        <span />
      )}
      {newer ? (
        <Link
          to={paths.digest.getHref(newer.id)}
          rel="next"
          className="pager-link min-w-0 items-end text-right"
        >
          <span className="pager-label">
            {t({ zh: '下一期（较新）', en: 'Next (newer)' })}
            <ChevronRightIcon />
          </span>
          <Target digest={newer} />
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
