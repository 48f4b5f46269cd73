import { useSuspenseQuery } from '@tanstack/react-query'
import { useParams } from 'react-router-dom'
import { loadTopic } from '@/lib/archive/topic-queries'
import { TopicPage } from '@/features/topics/components/topic-page'
import { NotFoundRoute } from './not-found'

/** `/topics/:topic`: one topic by its name (the loader redirects an alias to the name). */
export function TopicRoute() {
  const { topic = '' } = useParams()
  const found = useSuspenseQuery({
    queryKey: ['archive', 'topic-page', topic],
    queryFn: ({ client }) => loadTopic(client, topic),
  }).data
  if (!found) return <NotFoundRoute />
  return <TopicPage index={found.index} entry={found.entry} list={found.list} />
}
