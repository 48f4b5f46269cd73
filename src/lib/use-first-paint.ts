import { useSyncExternalStore } from 'react'

/**
 * Whether the page has painted once since it loaded. Work the first screen does not show (rows of a
 * virtual list rendered beyond the viewport) waits for it, so their fetches and JSON parsing do not
 * compete with the files and the main thread the first screen needs. Once true it stays true: later
 * views do not wait.
 */
let painted = false
const listeners = new Set<() => void>()
let scheduled = false

function schedule() {
  if (scheduled) return
  scheduled = true
  const done = () => {
    painted = true
    for (const listener of listeners) listener()
  }
  // A frame callback runs before the frame that shows what was just committed; a task queued from
  // it runs once that frame is painted.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0))
  else setTimeout(done, 0)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  schedule()
  return () => listeners.delete(listener)
}

const snapshot = () => painted

export function useFirstPaintDone(): boolean {
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
