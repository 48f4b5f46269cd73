import { data, redirect, type LoaderFunctionArgs } from 'react-router-dom'
import type { QueryClient } from '@tanstack/react-query'
import type { Head } from '@/types/content'
import { categoryFromSegment } from '@/config/paths'
import { archiveQueries, loadAggregates, loadHead, loadMonth } from '@/lib/archive/archive-queries'
import { categoryFeed, locateRow, timelineFeed, type Feed } from '@/features/digests/api/feed'
import { findPublisher, PUBLISHER_PARAM } from '@/features/digests/api/publishers'
import { paths } from '@/config/paths'

/** Route loaders: they warm the query cache the pages read from, and turn unknown ids into 404s. */
const notFound = () => data(null, { status: 404 })

const publisherOf = (head: Head, request: Request) =>
  findPublisher(head, new URL(request.url).searchParams.get(PUBLISHER_PARAM))

/**
 * A feed's first digest, so the first screen shows items rather than skeletons: the plain
 * timeline has it in the head already; a filtered one needs its first month page and chunk.
 */
async function loadFirstRow(client: QueryClient, feed: Feed): Promise<void> {
  if (feed.first.length > 0) return
  const place = locateRow(feed, 0)
  if (!place) return
  const page = await loadMonth(client, place.month)
  const summary = page.digests.filter(feed.accept)[place.offset]
  if (summary) await client.ensureQueryData(archiveQueries.chunk(summary.chunk))
}

export const headLoader = (client: QueryClient) => async () => {
  await loadHead(client)
  return null
}

export const aggregatesLoader = (client: QueryClient) => async () => {
  await loadAggregates(client)
  return null
}

export const timelineLoader =
  (client: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const head = await loadHead(client)
    await loadFirstRow(client, timelineFeed(head, publisherOf(head, request)))
    return null
  }

export const categoryLoader =
  (client: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const [head, aggregates] = await Promise.all([loadHead(client), loadAggregates(client)])
    const name = categoryFromSegment(params.name ?? '')
    const category = aggregates.categories.find((c) => c.name === name)
    if (!category) throw notFound()
    await loadFirstRow(client, categoryFeed(head, category, publisherOf(head, request)))
    return null
  }

export const digestLoader =
  (client: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const digest = await client.ensureQueryData(archiveQueries.digest(params.digestId ?? ''))
    if (!digest) throw notFound()
    // The pager below the items: without it first, the page would grow once it arrived.
    await client.ensureQueryData(archiveQueries.neighbours(digest))
    return null
  }

export const itemLoader =
  (client: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    if (!(await client.ensureQueryData(archiveQueries.item(params.itemId ?? '')))) throw notFound()
    return null
  }

/**
 * Topic, source and related-item data load with their pages' code (`lazy`), from
 * topic-queries.ts: that module and its schemas stay out of the first bundle.
 */
const topicData = () => import('@/lib/archive/topic-queries')

export const topicsLoader = (client: QueryClient) => async () => {
  const { loadTopicsIndex } = await topicData()
  if (!(await loadTopicsIndex(client))) throw notFound()
  return null
}

export const topicLoader =
  (client: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { loadTopic } = await topicData()
    const asked = params.topic ?? ''
    const found = await client.ensureQueryData({
      queryKey: ['archive', 'topic-page', asked],
      queryFn: () => loadTopic(client, asked),
    })
    if (!found) throw notFound()
    // An alias (or another spelling) has one address: the topic's own name.
    if (found.entry[0] !== asked) throw redirect(paths.topic.getHref(found.entry[0]))
    return null
  }

export const sourceLoader =
  (client: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { loadSource } = await topicData()
    const handle = params.handle ?? ''
    const list = await client.ensureQueryData({
      queryKey: ['archive', 'source-page', handle],
      queryFn: () => loadSource(client, handle),
    })
    if (!list) throw notFound()
    return null
  }
