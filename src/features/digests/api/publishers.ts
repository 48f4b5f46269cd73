import type { Aggregates, Head, NameCount, Publisher } from '@/types/content'

/** The URL parameter that narrows the timeline and category pages to one publisher. */
export const PUBLISHER_PARAM = 'publisher'

/** Whether the archive holds digests of more than one publisher (only then is it worth saying). */
export function isMultiPublisher(head: Head): boolean {
  return head.publishers.length > 1
}

/** The publisher with this id, or undefined when the archive does not know it. */
export function findPublisher(head: Head, id: string | null): Publisher | undefined {
  return id ? head.publishers.find((p) => p.id === id) : undefined
}

/**
 * Category counts (digests per category) for one publisher, most used first; categories the
 * publisher never uses are left out.
 */
export function categoriesOf(aggregates: Aggregates, publisher?: Publisher): NameCount[] {
  const counts = aggregates.categories.map((c) => ({
    name: c.name,
    count: publisher
      ? Object.values(c.months).reduce((n, m) => n + (m[publisher.id] ?? 0), 0)
      : c.count,
  }))
  return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count)
}
