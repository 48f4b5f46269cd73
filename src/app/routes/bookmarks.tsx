import { useCallback } from 'react'
import { useQueries, useQuery } from '@tanstack/react-query'
import { manifestQueryOptions } from '@/features/digests/api/manifest'
import { chunkQueryOptions } from '@/features/digests/api/chunks'
import { BookmarksPage } from '@/features/bookmarks/components/bookmarks-page'
import { useBookmarks } from '@/features/bookmarks/hooks/bookmark-store-context'
import type { ArchiveLookup } from '@/features/bookmarks/types/archive-lookup'
import type { Digest } from '@/types/content'

/**
 * The bookmarks page, with each bookmark resolved against the current content: only the chunks of
 * bookmarked digests are loaded, and item ids are stable, so a rebuilt archive still resolves.
 * Bookmarks show from storage at once; the content only adds "present"/"missing" when it arrives.
 */
export function BookmarksRoute() {
  const { bookmarks } = useBookmarks()
  const manifest = useQuery(manifestQueryOptions())
  const summaries = new Map(manifest.data?.digests.map((d) => [d.id, d]))
  const files = [
    ...new Set(
      bookmarks.flatMap((b) => {
        const chunk = summaries.get(b.digestId)?.chunk
        const file = chunk === undefined ? undefined : manifest.data?.chunks[chunk]
        return file ? [file] : []
      }),
    ),
  ]
  const digests = useQueries({
    queries: files.map((file) => chunkQueryOptions(file)),
    combine: (results) => {
      const byId = new Map<string, Digest>()
      for (const result of results) for (const d of result.data?.digests ?? []) byId.set(d.id, d)
      return { byId, pending: results.some((r) => !r.data) }
    },
  })

  const manifestData = manifest.data
  const lookup = useCallback<ArchiveLookup>(
    (bookmark) => {
      if (!manifestData) return { status: 'unknown' }
      if (!manifestData.digests.some((d) => d.id === bookmark.digestId))
        return { status: 'missing' }
      const digest = digests.byId.get(bookmark.digestId)
      if (!digest) return { status: 'unknown' }
      const item = digest.items.find((i) => i.id === bookmark.itemId)
      if (!item) return { status: 'missing' }
      return {
        status: 'present',
        title: item.title,
        url: item.url,
        digestTitle: digest.title,
        digestDate: digest.date,
        text: item.text,
      }
    },
    [manifestData, digests.byId],
  )

  return <BookmarksPage lookup={lookup} />
}
