import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { headFile } from 'virtual:digest-content'
import { DataLoadError } from '@/lib/fetch-json'
import { archiveQueries } from '@/lib/archive/archive-queries'
import type { Head } from '@/types/content'
import { fetchDeployedHeadFile, loadDeployedHead, newDigestCount } from '../api/deployed-head'
import { pendingUpdate, setPendingUpdate, shownHeadFile } from '../api/update-store'
import { minCheckGapMs, updateCheckMs } from '../settings'

let lastCheck = 0
let running: Promise<void> | undefined

/**
 * Looks for a new deploy while the tab is visible: every `updateCheckMs`, when the tab comes back
 * into view or gets focus, when the network returns, and when a data file is missing (an old page
 * asking for a file the new deploy no longer has). A hidden tab sends nothing.
 */
export function useDeployCheck(): void {
  const client = useQueryClient()
  useEffect(() => {
    const check = (options: { force: boolean }) => {
      if (document.visibilityState !== 'visible' || running) return
      if (!options.force && Date.now() - lastCheck < minCheckGapMs) return
      lastCheck = Date.now()
      running = checkOnce(client.getQueryData<Head>(archiveQueries.head().queryKey)).finally(
        () => (running = undefined),
      )
    }
    let timer: number | undefined
    const schedule = () => {
      window.clearInterval(timer)
      timer = undefined
      if (document.visibilityState === 'visible')
        timer = window.setInterval(() => check({ force: true }), updateCheckMs)
    }
    const onVisibility = () => {
      schedule()
      check({ force: false })
    }
    const onFocus = () => check({ force: false })
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      const error =
        event.type === 'updated' && event.action.type === 'error' ? event.action.error : null
      if (error instanceof DataLoadError && error.status === 404) check({ force: false })
    })
    schedule()
    // Back on the timeline after a while away: look now rather than at the next tick.
    if (lastCheck && Date.now() - lastCheck > updateCheckMs) check({ force: true })
    document.addEventListener('visibilitychange', onVisibility)
    window.addEventListener('focus', onFocus)
    window.addEventListener('online', onFocus)
    return () => {
      window.clearInterval(timer)
      unsubscribe()
      document.removeEventListener('visibilitychange', onVisibility)
      window.removeEventListener('focus', onFocus)
      window.removeEventListener('online', onFocus)
    }
  }, [client])
}

async function checkOnce(shown: Head | undefined): Promise<void> {
  const deployed = await fetchDeployedHeadFile()
  const current = shownHeadFile(headFile)
  if (!shown || !deployed || deployed === current || deployed === pendingUpdate()?.file) return
  try {
    const head = await loadDeployedHead(deployed)
    const count = newDigestCount(shown, head)
    // A deploy that only edited digests has nothing new to offer; the next reload shows it.
    setPendingUpdate(count > 0 ? { file: deployed, head, count } : null)
  } catch {
    // Offline again, or the deploy is half-uploaded: the next check tries again.
  }
}
