import type { Head } from '@/types/content'
import { cn } from '@/lib/cn'
import { findPublisher, isMultiPublisher } from '../api/publishers'

/**
 * A digest's publisher by display name, quietly. With a single publisher in the archive it says
 * nothing anyone could not already tell, so it renders nothing.
 */
export function PublisherLabel({
  head,
  publisherId,
  className,
}: {
  head: Head
  publisherId: string
  className?: string
}) {
  if (!isMultiPublisher(head)) return null
  const name = findPublisher(head, publisherId)?.name ?? publisherId
  return (
    <span className={cn('font-medium', className)} lang="zh-CN" data-publisher={publisherId}>
      {name}
    </span>
  )
}
