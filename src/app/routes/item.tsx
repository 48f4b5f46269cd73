import { useParams } from 'react-router-dom'
import { digestIdOfItem, type DigestSummary, type Manifest } from '@/types/content'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useDigest, useManifest } from '@/features/digests/api/digest'
import { ItemView } from '@/features/digests/components/item-view'
import { NotFoundRoute } from './not-found'

/** `/items/:itemId`: an item's permalink page. */
export function ItemRoute() {
  const { itemId = '' } = useParams()
  const manifest = useManifest()
  const summary = manifest.digests.find((d) => d.id === digestIdOfItem(itemId))
  if (!summary) return <NotFoundRoute />
  return <ItemPage manifest={manifest} summary={summary} itemId={itemId} />
}

function ItemPage(props: { manifest: Manifest; summary: DigestSummary; itemId: string }) {
  const digest = useDigest(props.manifest, props.summary)
  const item = digest?.items.find((i) => i.id === props.itemId)
  useDocumentTitle(item?.title)
  if (!digest || !item) return <NotFoundRoute />
  return <ItemView manifest={props.manifest} item={item} digest={digest} />
}
