import type { ItemSource } from '../src/types/content.ts'

const X_HOSTS = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'])

/** True for absolute http(s) urls: the only links the app renders. */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
  } catch {
    return false
  }
}

/** The host of a link, and for x.com/twitter.com status links the account handle and status id. */
export function sourceOf(url: string): ItemSource | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '')
  if (X_HOSTS.has(host)) {
    const [handle, kind, statusId] = parsed.pathname.split('/').filter(Boolean)
    if (handle && kind === 'status' && statusId && /^\d+$/.test(statusId)) {
      return { host, handle, statusId }
    }
    if (handle && !kind && /^\w{1,15}$/.test(handle)) return { host, handle }
  }
  return { host }
}
