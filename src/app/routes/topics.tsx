import { useSuspenseQuery } from '@tanstack/react-query'
import { useHead } from '@/lib/archive/archive-queries'
import { topicQueries } from '@/lib/archive/topic-queries'
import { TopicsPage } from '@/features/topics/components/topics-page'
import { NotFoundRoute } from './not-found'

/** `/topics`: every topic of the archive (the loader has the index ready). */
export function TopicsRoute() {
  const head = useHead()
  if (!head.topics) return <NotFoundRoute />
  return <TopicsIndexRoute file={head.topics} />
}

function TopicsIndexRoute({ file }: { file: string }) {
  return <TopicsPage index={useSuspenseQuery(topicQueries.index(file)).data} />
}
