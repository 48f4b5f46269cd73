import { useCallback, useEffect, useState } from 'react'

/** How many digests a feed shows at first and adds each time the reader nears the end. */
export const FEED_PAGE = 6

const storageKey = (key: string) => `digest-reader:feed:${key}`

function readSaved(key: string): number | null {
  try {
    const n = Number(sessionStorage.getItem(storageKey(key)))
    return Number.isInteger(n) && n > 0 ? n : null
  } catch {
    return null
  }
}

/**
 * The number of digests a feed renders. It is remembered per history entry, so coming back to a
 * long-scrolled timeline renders as much as before and the browser can restore the scroll position.
 */
export function useFeedSize(historyKey: string, total: number) {
  const [saved] = useState(() => readSaved(historyKey))
  const [count, setCount] = useState(saved ?? FEED_PAGE)
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(historyKey), String(count))
    } catch {
      // Without storage the feed simply starts short again.
    }
  }, [historyKey, count])
  const showMore = useCallback(() => setCount((c) => Math.min(c + FEED_PAGE, total)), [total])
  return {
    count: Math.min(count, total),
    showMore,
    hasMore: count < total,
    /** How many digests the feed showed when this history entry was last on screen, if known. */
    restoredCount: saved === null ? undefined : Math.min(saved, total),
  }
}
