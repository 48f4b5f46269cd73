import { useHead } from '@/lib/archive/archive-queries'
import { SearchPage } from '@/features/search/components/search-page'
import { TopicViaResults } from '@/features/topics/components/topic-via-results'

/**
 * `/search?q=…&category=…&from=…&to=…&source=…&publisher=…`: the route loader has the head ready
 * (its failures reach the route's error element); the results arrive through the worker. Below
 * them, the topic the query names and its items written another way.
 */
export function SearchRoute() {
  const head = useHead()
  return (
    <SearchPage
      head={head}
      after={({ query, found }) => <TopicViaResults head={head} query={query} found={found} />}
    />
  )
}
