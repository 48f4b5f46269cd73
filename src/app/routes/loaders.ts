import { data, type LoaderFunctionArgs } from 'react-router-dom'
import type { QueryClient } from '@tanstack/react-query'
import { manifestQueryOptions } from '@/features/digests/api/manifest'
import { loadDigest, loadItem } from '@/features/digests/api/chunks'
import { digestsOf, findPublisher, PUBLISHER_PARAM } from '@/features/digests/api/publishers'

/** Route loaders: they warm the query cache the pages read from, and turn unknown ids into 404s. */
const notFound = () => data(null, { status: 404 })

export const manifestLoader = (client: QueryClient) => async () => {
  await client.ensureQueryData(manifestQueryOptions())
  return null
}

/**
 * The timeline also waits for the month of its newest digest (of the chosen publisher), so the first
 * screen shows items, not skeletons.
 */
export const timelineLoader =
  (client: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const manifest = await client.ensureQueryData(manifestQueryOptions())
    const chosen = new URL(request.url).searchParams.get(PUBLISHER_PARAM)
    const newest = digestsOf(manifest.digests, findPublisher(manifest, chosen))[0]
    if (newest) await loadDigest(client, newest.id)
    return null
  }

export const digestLoader =
  (client: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    if (!(await loadDigest(client, params.digestId ?? ''))) throw notFound()
    return null
  }

export const itemLoader =
  (client: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    if (!(await loadItem(client, params.itemId ?? ''))) throw notFound()
    return null
  }

export const categoryLoader =
  (client: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const manifest = await client.ensureQueryData(manifestQueryOptions())
    if (!manifest.categories.some((c) => c.name === params.name)) throw notFound()
    return null
  }
