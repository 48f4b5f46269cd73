import { headSchema, type Head } from '@/types/content'
import { appUrl, fetchJson } from '@/lib/fetch-json'
import { headUrl } from '@/lib/archive/archive-files'

/** index.html's link that names the head (pipeline/vite-plugin.ts, HEAD_ATTRIBUTE). */
const HEAD_LINK_ATTRIBUTE = 'data-digest-head'

/** The head file an index.html names, or null when it names none. */
export function headFileOf(html: string): string | null {
  // DOMParser builds an inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return (
    doc.querySelector(`link[${HEAD_LINK_ATTRIBUTE}]`)?.getAttribute(HEAD_LINK_ATTRIBUTE) ?? null
  )
}

/**
 * The head file the server's current index.html names: what a reload would show. index.html is
 * revalidated (`no-cache`: a 304 of a few hundred bytes when nothing changed) and never answered
 * by the service worker, which routes only navigations to it. Null when the network fails.
 */
export async function fetchDeployedHeadFile(): Promise<string | null> {
  try {
    const response = await fetch(appUrl('index.html'), { cache: 'no-cache' })
    if (!response.ok) return null
    return headFileOf(await response.text())
  } catch {
    return null
  }
}

/** Loads and validates the head a newer deploy names (the same file a reload would read). */
export function loadDeployedHead(file: string): Promise<Head> {
  return fetchJson(headUrl(file), headSchema)
}

/**
 * How many digests the newer head has that the shown one lacks. The archive only grows between
 * deploys, so the difference of the counts is the number of new digests; a deploy that only
 * edited digests has none to offer.
 */
export function newDigestCount(shown: Head, next: Head): number {
  return Math.max(0, next.digestCount - shown.digestCount)
}
