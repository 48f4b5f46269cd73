import { useEffect, useState } from 'react'

/** Cards a filling-in row shows in its first frame, and how many each later frame adds. */
const FIRST_CARDS = 3
const CARDS_PER_FRAME = 3

/**
 * How many of a row's `total` cards to render: all at once, or (`fillIn`) a few per animation
 * frame until all are there, so no single frame lays out a whole digest.
 */
export function useCardsFilledIn(total: number, { fillIn }: { fillIn: boolean }): number {
  const [shown, setShown] = useState(() => (fillIn ? FIRST_CARDS : Infinity))
  useEffect(() => {
    if (shown >= total) return
    const frame = requestAnimationFrame(() => setShown((n) => n + CARDS_PER_FRAME))
    return () => cancelAnimationFrame(frame)
  }, [shown, total])
  return shown
}
