import { lazy, Suspense } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { useDocumentTitle } from '@/lib/use-document-title'
import { archiveQueries, useHead } from '@/lib/archive/archive-queries'
import { ItemView } from '@/features/digests/components/item-view'
import { NotFoundRoute } from './not-found'

/** Related items load with their own code: the item page is first-screen code, they are not. */
const RelatedItems = lazy(async () => ({
  default: (await import('@/features/topics/components/related-items')).RelatedItems,
}))

/** `/items/:itemId`: an item's permalink page, then its story and related items. */
export function ItemRoute() {
  const { itemId = '' } = useParams()
  const head = useHead()
  const found = useSuspenseQuery(archiveQueries.item(itemId)).data
  useDocumentTitle(found?.item.title)
  // The loader 404s unknown ids; this guards content that changed under an open page.
  if (!found) return <NotFoundRoute />
  return (
    <>
      <ItemView head={head} item={found.item} digest={found.digest} />
      <Suspense fallback={null}>
        <RelatedItems key={found.item.id} item={found.item} />
      </Suspense>
    </>
  )
}
