import { useEffect } from 'react'
import { loadReadingState } from '../probe'

/** How long the timeline must be on screen before its newest digest counts as seen. */
export const DWELL_MS = 10_000

/**
 * Marks the newest digest as seen once the timeline has been visible for `DWELL_MS` in one go: a
 * tab opened and closed at once, or left in the background, does not use up the marker.
 */
export function useSeenAfterDwell(newestTime: number | undefined, options: { enabled: boolean }) {
  const { enabled } = options
  useEffect(() => {
    if (!enabled || newestTime === undefined) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const arm = () => {
      clearTimeout(timer)
      timer = undefined
      if (document.visibilityState === 'visible')
        timer = setTimeout(() => {
          // The stores load only now on a first visit, long after the first screen.
          void loadReadingState().then((module) => module?.visitStore().markSeen(newestTime))
        }, DWELL_MS)
    }
    arm()
    document.addEventListener('visibilitychange', arm)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', arm)
    }
  }, [newestTime, enabled])
}
