import { Link } from 'react-router-dom'
import type { Manifest } from '@/types/content'
import { paths } from '@/config/paths'
import { useLanguage, useT } from '@/lib/i18n'
import { formatSlot } from '@/lib/digest-time'
import { ChevronLeftIcon, ChevronRightIcon } from '@/components/ui/icons'
import { neighboursOf } from '../api/chunks'

/** Links to the next newer and next older digest. */
export function DigestPager({ manifest, digestId }: { manifest: Manifest; digestId: string }) {
  const t = useT()
  const lang = useLanguage()
  const { newer, older } = neighboursOf(manifest, digestId)
  return (
    <nav
      aria-label={t({ zh: '相邻摘要', en: 'Neighbouring digests' })}
      className="mt-10 grid grid-cols-2 gap-3 border-t border-stone-200 pt-6 dark:border-stone-800"
    >
      {older ? (
        <Link to={paths.digest.getHref(older.id)} rel="prev" className="pager-link">
          <span className="pager-label">
            <ChevronLeftIcon />
            {t({ zh: '上一期（较早）', en: 'Previous (older)' })}
          </span>
          <span className="font-medium">{formatSlot(older, lang)}</span>
        </Link>
      ) : (
        <span />
      )}
      {newer ? (
        <Link
          to={paths.digest.getHref(newer.id)}
          rel="next"
          className="pager-link items-end text-right"
        >
          <span className="pager-label">
            {t({ zh: '下一期（较新）', en: 'Next (newer)' })}
            <ChevronRightIcon />
          </span>
          <span className="font-medium">{formatSlot(newer, lang)}</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
