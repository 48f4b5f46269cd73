import { startTransition, useEffect, useState } from 'react'

/**
 * Whether the page has painted once since it loaded. Work the first screen does not show (rows of a
 * virtual list rendered beyond the viewport) waits for it, so their fetches and JSON parsing do not
 * compete with the files and the main thread the first screen needs. Once true it stays true: later
 * views do not wait.
 */
let painted = false
/** The longest the first screen's idle moment is waited for. */
const IDLE_WAIT_MS = 500
const waiting = new Set<() => void>()
let scheduled = false

function afterFirstPaint(callback: () => void): () => void {
  if (painted) {
    // Painted between this component's render and its effect.
    let cancelled = false
    queueMicrotask(() => cancelled || callback())
    return () => (cancelled = true)
  }
  waiting.add(callback)
  if (!scheduled) {
    scheduled = true
    const done = () => {
      painted = true
      for (const waiter of waiting) waiter()
      waiting.clear()
    }
    // A frame callback runs before the frame that shows what was just committed; a task queued
    // from it runs once that frame is painted. Then the main thread's first idle moment (at most
    // IDLE_WAIT_MS later): right after the paint the page is still busy with the first screen, and
    // rows fetched then were counted in it (1.3–1.4 KB of month page at 1 year and the corpora).
    const whenIdle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(done, { timeout: IDLE_WAIT_MS })
        : setTimeout(done, 0)
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => setTimeout(whenIdle, 0))
    else setTimeout(done, 0)
  }
  return () => waiting.delete(callback)
}

export function useFirstPaintDone(): boolean {
  const [done, setDone] = useState(painted)
  useEffect(() => {
    if (done) return
    // A transition: every row of a feed hears of it at once, and re-rendering them all in one
    // blocking render was a 90–130 ms task just as the reader started to scroll.
    return afterFirstPaint(() => startTransition(() => setDone(true)))
  }, [done])
  return done
}
