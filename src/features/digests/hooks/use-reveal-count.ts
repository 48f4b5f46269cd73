import { useEffect, useState } from 'react'

/**
 * How many of `total` rows to render now: `first` at once, then `step` more each animation frame
 * until all are in. A digest's eleven item cards mounted in one commit made a task of 100–200 ms
 * (React's commit and the layout it forces cannot be interrupted); a few cards per frame keep
 * every task short while scrolling, and the first card reaches the screen sooner.
 */
export function useRevealCount(total: number, { first, step }: { first: number; step: number }) {
  const [shown, setShown] = useState(first)
  const done = shown >= total
  useEffect(() => {
    if (done) return
    const frame = requestAnimationFrame(() => setShown((n) => n + step))
    return () => cancelAnimationFrame(frame)
  }, [done, shown, step])
  return Math.min(shown, total)
}
