import { useLocation, useParams } from 'react-router-dom'
import type { DigestSummary, Manifest } from '@/types/content'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useDigest, useManifest } from '@/features/digests/api/digest'
import { DigestView } from '@/features/digests/components/digest-view'
import { NotFoundRoute } from './not-found'

/** `/digests/:digestId`: one digest; `#<itemId>` scrolls to and highlights that item. */
export function DigestRoute() {
  const { digestId = '' } = useParams()
  const manifest = useManifest()
  const summary = manifest.digests.find((d) => d.id === digestId)
  // The loader 404s unknown ids; this guards a manifest that changed under an open page.
  if (!summary) return <NotFoundRoute />
  return <DigestPage key={summary.id} manifest={manifest} summary={summary} />
}

/** The fragment as an item id; a malformed escape (`#%E0`) is kept as written, not thrown. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

function DigestPage({ manifest, summary }: { manifest: Manifest; summary: DigestSummary }) {
  const digest = useDigest(manifest, summary)
  const { hash } = useLocation()
  useDocumentTitle(summary.title)
  if (!digest) return <NotFoundRoute />
  const highlightId = hash ? decodeFragment(hash.slice(1)) : undefined
  return <DigestView manifest={manifest} digest={digest} highlightId={highlightId} />
}
