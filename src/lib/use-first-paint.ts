import { startTransition, useEffect, useState } from 'react'

/**
 * Whether the page has painted once since it loaded. Work the first screen does not show (rows of a
 * virtual list rendered beyond the viewport) waits for it, so their fetches and JSON parsing do not
 * compete with the files and the main thread the first screen needs. Once true it stays true: later
 * views do not wait.
 */
let painted = false
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
    // from it runs once that frame is painted.
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => setTimeout(done, 0))
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
