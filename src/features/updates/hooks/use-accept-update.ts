import { useCallback } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { markHeadShown, pendingUpdate, setPendingUpdate } from '../api/update-store'
import { holdReadingPlace, readingAnchor } from './keep-reading-place'

/**
 * Shows the newer deploy's digests in place: the head the whole app reads is replaced by the new
 * one (every view re-renders from it; the files it names are content-hashed, so nothing else is
 * stale), with no reload, so bookmarks, the search box and the scroll position stay as they are.
 */
export function useAcceptUpdate(): () => Promise<void> {
  const client = useQueryClient()
  return useCallback(async () => {
    const update = pendingUpdate()
    if (!update) return
    const anchor = readingAnchor()
    // The head's query key names index.html's file; the data under it is now the newer head's,
    // which is what every useHead() reads. (archiveQueries.head takes no file: see decision 051.)
    client.setQueryData(archiveQueries.head().queryKey, update.head)
    // Lookups that found nothing under the old head (a deep link to a digest not yet published)
    // may find it now; found digests and items are the same files under either head.
    for (const key of [archiveQueries.digest('').queryKey, archiveQueries.item('').queryKey]) {
      await client.invalidateQueries({
        queryKey: key.slice(0, 2),
        predicate: (query) => query.state.data === null,
      })
    }
    markHeadShown(update.file)
    setPendingUpdate(null)
    await holdReadingPlace(anchor)
  }, [client])
}
