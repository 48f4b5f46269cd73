import { useQuery } from '@tanstack/react-query'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { BookmarksPage } from '@/features/bookmarks/components/bookmarks-page'
import type { Bookmark } from '@/features/bookmarks/api/bookmark-schema'
import type { ArchiveStatus } from '@/features/bookmarks/types/archive-lookup'

/**
 * What the current content says of one bookmark: its item looked up by id (item ids are stable,
 * so a rebuilt archive still resolves). Called per row on screen, so a list of thousands fetches
 * the months and chunks of what it shows, not of every bookmark.
 */
function useArchiveStatus(bookmark: Bookmark): ArchiveStatus {
  const query = useQuery(archiveQueries.item(bookmark.itemId))
  if (query.data === undefined) return { status: 'unknown' }
  if (query.data === null) return { status: 'missing' }
  const { item, digest } = query.data
  return {
    status: 'present',
    title: item.title,
    url: item.url,
    digestTitle: digest.title,
    digestDate: digest.date,
    text: item.text,
  }
}

/** `/bookmarks`: bookmarks show from storage at once; the archive adds present/missing later. */
export function BookmarksRoute() {
  return <BookmarksPage useArchiveStatus={useArchiveStatus} />
}
