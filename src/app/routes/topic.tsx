import { useSuspenseQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { loadTopic } from '@/lib/archive/topic-queries'
import { useHead } from '@/lib/archive/archive-queries'
import { WatchToggle } from '@/features/reading-state/components/watch-toggle'
import { TopicPage } from '@/features/topics/components/topic-page'
import { NotFoundRoute } from './not-found'

/** `/topics/:topic`: one topic by its name (the loader redirects an alias to the name). */
export function TopicRoute() {
  const { topic = '' } = useParams()
  const newestTime = useHead().newest[0]?.time
  const found = useSuspenseQuery({
    queryKey: ['archive', 'topic-page', topic],
    queryFn: ({ client }) => loadTopic(client, topic),
  }).data
  if (!found) return <NotFoundRoute />
  return (
    <>
      {newestTime !== undefined && (
        <div className="float-right ml-3">
          <WatchToggle term={found.entry[0]} kind="topic" newestTime={newestTime} />
        </div>
      )}
      <TopicPage index={found.index} entry={found.entry} list={found.list} />
    </>
  )
}
