import type { ItemSource } from '../src/types/content.ts'

const X_HOSTS = new Set(['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'])

/**
 * `http://` or `https://` then a host: the content schema's own test (`^https?://`), tightened to
 * need a host. `new URL()` alone is too forgiving: it reads `https:example.com` and `http:\\evil.com`
 * as absolute urls, which the schema (and so the app) would then reject with the whole month.
 */
const ABSOLUTE_HTTP = /^https?:\/\/[^/\\?#\s]/i

/** True for absolute http(s) urls with a host: the only links the app renders. */
export function isHttpUrl(url: string): boolean {
  if (!ABSOLUTE_HTTP.test(url)) return false
  try {
    return new URL(url).hostname !== ''
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
