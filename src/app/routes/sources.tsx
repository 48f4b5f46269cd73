import { useSuspenseQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { archiveQueries, useHead } from '@/lib/archive/archive-queries'
import { loadSource } from '@/lib/archive/topic-queries'
import { SourcesPage } from '@/features/sources/components/sources-page'
import { SourcePage } from '@/features/sources/components/source-page'
import { NotFoundRoute } from './not-found'

/** `/sources`: accounts and hosts with counts, from the aggregates. */
export function SourcesRoute() {
  const head = useHead()
  const aggregates = useSuspenseQuery(archiveQueries.aggregates(head.aggregates)).data
  return <SourcesPage sources={aggregates.sources} />
}

/** `/sources/:handle`: one account's or host's items. */
export function SourceRoute() {
  const { handle = '' } = useParams()
  const list = useSuspenseQuery({
    queryKey: ['archive', 'source-page', handle],
    queryFn: ({ client }) => loadSource(client, handle),
  }).data
  if (!list) return <NotFoundRoute />
  return <SourcePage list={list} />
}
