import { useSuspenseQuery } from '@tanstack/react-query'
import { useLocation, useParams } from 'react-router-dom'
import type { Digest } from '@/types/content'
import { useDocumentTitle } from '@/lib/use-document-title'
import { archiveQueries, useHead } from '@/lib/archive/archive-queries'
import { DigestView } from '@/features/digests/components/digest-view'
import { NotFoundRoute } from './not-found'

/** `/digests/:digestId`: one digest; `#<itemId>` scrolls to and highlights that item. */
export function DigestRoute() {
  const { digestId = '' } = useParams()
  const digest = useSuspenseQuery(archiveQueries.digest(digestId)).data
  // The loader 404s unknown ids; this guards content that changed under an open page.
  if (!digest) return <NotFoundRoute />
  return <DigestPage key={digest.id} digest={digest} />
}

/** The fragment as an item id; a malformed escape (`#%E0`) is kept as written, not thrown. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

function DigestPage({ digest }: { digest: Digest }) {
  const head = useHead()
  const neighbours = useSuspenseQuery(archiveQueries.neighbours(digest)).data
  const { hash } = useLocation()
  useDocumentTitle(digest.title)
  const highlightId = hash ? decodeFragment(hash.slice(1)) : undefined
  return (
    <DigestView head={head} digest={digest} neighbours={neighbours} highlightId={highlightId} />
  )
}
