import { useSuspenseQuery } from '@tanstack/react-query'
import { manifestQueryOptions } from '@/features/digests/api/manifest'
import { SearchPage } from '@/features/search/components/search-page'

/**
 * `/search?q=…&category=…&from=…&to=…&source=…&publisher=…`: the route loader has the manifest
 * ready (its failures reach the route's error element); the results arrive through the worker.
 */
export function SearchRoute() {
  const { data: manifest } = useSuspenseQuery(manifestQueryOptions())
  return <SearchPage manifest={manifest} />
}
