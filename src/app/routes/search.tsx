import { useHead } from '@/lib/archive/archive-queries'
import { SearchPage } from '@/features/search/components/search-page'

/**
 * `/search?q=…&category=…&from=…&to=…&source=…&publisher=…`: the route loader has the head ready
 * (its failures reach the route's error element); the results arrive through the worker.
 */
export function SearchRoute() {
  return <SearchPage head={useHead()} />
}
