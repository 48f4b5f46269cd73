import { useSearchParams } from 'react-router-dom'
import { useHead } from '@/lib/archive/archive-queries'
import { WatchToggle } from '@/features/reading-state/components/watch-toggle'
import { SearchPage } from '@/features/search/components/search-page'
import { TopicViaResults } from '@/features/topics/components/topic-via-results'

/**
 * `/search?q=…&category=…&from=…&to=…&source=…&publisher=…`: the route loader has the head ready
 * (its failures reach the route's error element); the results arrive through the worker. Below
 * them, the topic the query names and its items written another way.
 */
export function SearchRoute() {
  const head = useHead()
  const query = (useSearchParams()[0].get('q') ?? '').trim()
  const newestTime = head.newest[0]?.time
  return (
    <>
      {query && newestTime !== undefined && (
        <div className="float-right ml-3">
          <WatchToggle term={query} kind="search" newestTime={newestTime} />
        </div>
      )}
      <SearchPage
        head={head}
        after={({ query, found }) => <TopicViaResults head={head} query={query} found={found} />}
      />
    </>
  )
}
