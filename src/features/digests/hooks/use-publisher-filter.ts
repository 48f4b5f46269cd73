import { useSearchParams } from 'react-router-dom'
import type { Head } from '@/types/content'
import { findPublisher, PUBLISHER_PARAM } from '../api/publishers'

/**
 * The publisher chosen with `?publisher=`; it lives in the URL so reload, back/forward and shared
 * links keep it. An unknown id (a publisher since removed) filters nothing.
 */
export function usePublisherFilter(head: Head) {
  const [params] = useSearchParams()
  return findPublisher(head, params.get(PUBLISHER_PARAM))
}
