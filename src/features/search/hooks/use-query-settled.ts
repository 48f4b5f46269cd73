import { useEffect, useState } from 'react'

/** How long typing must pause before a one-character query runs. */
export const ONE_CHARACTER_PAUSE_MS = 150

/**
 * Whether `query` may run now. A one-character query matches most of the archive and is the
 * costliest to rank, and while typing it is almost always the first letter of a longer word: it
 * runs only once typing pauses, so it never delays the query that follows it. Longer queries, and
 * the query a page opens with (a shared link, reload, back), run at once.
 */
export function useQuerySettled(query: string, pauseMs = ONE_CHARACTER_PAUSE_MS): boolean {
  const oneCharacter = [...query].length === 1
  const [settled, setSettled] = useState(query)
  useEffect(() => {
    if (!oneCharacter || settled === query) return
    const timer = setTimeout(() => setSettled(query), pauseMs)
    return () => clearTimeout(timer)
  }, [query, settled, oneCharacter, pauseMs])
  return !oneCharacter || settled === query
}
