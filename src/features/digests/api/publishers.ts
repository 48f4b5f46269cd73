import type { DigestSummary, Manifest, NameCount, Publisher } from '@/types/content'

/** The URL parameter that narrows the timeline and category pages to one publisher. */
export const PUBLISHER_PARAM = 'publisher'

/** Whether the archive holds digests of more than one publisher (only then is it worth saying). */
export function isMultiPublisher(manifest: Manifest): boolean {
  return manifest.publishers.length > 1
}

/** The publisher with this id, or undefined when the archive does not know it. */
export function findPublisher(manifest: Manifest, id: string | null): Publisher | undefined {
  return id ? manifest.publishers.find((p) => p.id === id) : undefined
}

/** The digests of one publisher (all of them when `publisher` is undefined), order kept. */
export function digestsOf(digests: DigestSummary[], publisher?: Publisher): DigestSummary[] {
  return publisher ? digests.filter((d) => d.publisher === publisher.id) : digests
}

/**
 * Category counts (digests per category) for one publisher, in the manifest's order; categories
 * the publisher never uses are left out.
 */
export function categoriesOf(manifest: Manifest, publisher?: Publisher): NameCount[] {
  if (!publisher) return manifest.categories
  const counts = new Map<string, number>()
  for (const digest of digestsOf(manifest.digests, publisher)) {
    for (const name of digest.categories) counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  return manifest.categories
    .filter((c) => counts.has(c.name))
    .map((c) => ({ name: c.name, count: counts.get(c.name)! }))
}
