import { startTransition, useEffect, useState } from 'react'

/**
 * How many of `total` entries to render now: `first` at once, then `perFrame` more each frame
 * until all are there. A feed row of a long digest (35 cards of CJK text on the real corpora) put
 * into the page at once was 50–85 ms of style and layout in one task as the reader scrolled;
 * a few cards a frame keep each frame short. Growing a row again from `first` when its entries
 * change (another digest in the same row) is what a new row does anyway.
 */
export function useProgressiveCount(
  total: number,
  { first, perFrame }: { first: number; perFrame: number },
): number {
  const [shown, setShown] = useState(first)
  const now = Math.min(total, Math.max(shown, first))
  useEffect(() => {
    if (now >= total) return
    const frame = requestAnimationFrame(() =>
      startTransition(() => setShown(Math.min(total, now + perFrame))),
    )
    return () => cancelAnimationFrame(frame)
  }, [now, total, perFrame])
  return now
}
