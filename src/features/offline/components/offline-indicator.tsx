import { useT } from '@/lib/i18n'
import { useOnline } from '../hooks/use-online'

/**
 * "离线 / Offline" in the header while the browser has no network. The status region is always in
 * the page (empty when online), so screen readers announce the change when it comes.
 */
export function OfflineIndicator() {
  const t = useT()
  const online = useOnline()
  return (
    <span role="status" data-offline-indicator>
      {online ? null : (
        <span
          className="mr-1 inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900 dark:border-amber-700/70 dark:bg-amber-950/60 dark:text-amber-100"
          title={t({
            zh: '没有网络：显示的是已读过的内容',
            en: 'No network: showing what was already read',
          })}
        >
          <span aria-hidden="true" className="size-1.5 rounded-full bg-amber-500" />
          {t({ zh: '离线', en: 'Offline' })}
        </span>
      )}
    </span>
  )
}
