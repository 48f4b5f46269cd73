import { useEffect } from 'react'
import { loadReadingStateIfStored, useReadingStateModule } from '../probe'

/**
 * The header's since-last-visit count, from the lazy chunk: nothing until it has loaded, which on
 * a first visit (nothing stored, so nothing new) it never needs to.
 */
export function HeaderNewCount() {
  const module = useReadingStateModule()
  useEffect(() => void loadReadingStateIfStored(), [])
  return module ? <module.NewSinceCount /> : null
}

/** The header's link to the watch page, from the lazy chunk (shown once something is watched). */
export function HeaderWatchLink({ className }: { className: string }) {
  const module = useReadingStateModule()
  return module ? <module.WatchNavLink className={className} /> : null
}
