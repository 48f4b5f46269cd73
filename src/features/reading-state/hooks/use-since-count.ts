import { useQuery } from '@tanstack/react-query'
import type { Head } from '@/types/content'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { countFromHead, countSince, type NewCount } from '../api/since-count'

/**
 * What is new since `since` (null: a first visit, nothing is new). Computed from the head, and
 * at most the two month pages the time falls in, through the archive's own queries.
 */
export function useSinceCount(
  head: Head | undefined,
  since: number | null,
  publisher?: string,
): NewCount | undefined {
  return useQuery({
    queryKey: ['reading-state', 'since', head?.contentHash, since, publisher],
    queryFn: ({ client }) =>
      countSince(head!, since!, {
        publisher,
        loadMonth: (entry) => client.ensureQueryData(archiveQueries.month(entry.file)),
      }),
    // Known in the first render when the head suffices, so the notice and marker never shift
    // a restored scroll position.
    initialData: () =>
      head && since !== null ? (countFromHead(head, since, publisher) ?? undefined) : undefined,
    enabled: !!head && since !== null,
    staleTime: Infinity,
  }).data
}
