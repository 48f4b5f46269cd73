import { plural, useT } from '@/lib/i18n'
import { usePendingUpdate } from '../api/update-store'
import { useAcceptUpdate } from '../hooks/use-accept-update'
import { useDeployCheck } from '../hooks/use-deploy-check'

/**
 * "N 条新摘要" at the top of the timeline when a newer deploy has more digests; a click shows them
 * in place. It takes no room in the page (a zero-height sticky strip), so its coming and going
 * never moves what the reader is looking at. The status region is always present, so screen
 * readers announce the offer when it appears.
 */
export function NewDigestsBanner() {
  const t = useT()
  useDeployCheck()
  const update = usePendingUpdate()
  const accept = useAcceptUpdate()
  return (
    <div className="sticky top-3 z-20 h-0 sm:top-[4.5rem]">
      <div role="status" className="flex justify-center">
        {update && (
          <button
            type="button"
            onClick={() => {
              // The button goes away: keep keyboard focus in the page, where it was, not on body.
              document.getElementById('main')?.focus({ preventScroll: true })
              void accept()
            }}
            className="-translate-y-1 rounded-full bg-stone-900 px-4 py-2 text-sm font-medium text-white shadow-lg ring-1 ring-black/5 transition-colors hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 dark:bg-stone-100 dark:text-stone-900 dark:hover:bg-white"
          >
            <span aria-hidden="true">↑ </span>
            {t({
              zh: `${update.count} 条新摘要`,
              en: `${plural(update.count, 'new digest')}`,
            })}
          </button>
        )}
      </div>
    </div>
  )
}
