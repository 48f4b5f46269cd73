/**
 * Where the built app is published. Feeds and link previews need absolute URLs (a feed reader or a
 * chat app has no page to resolve a relative link against), and nothing else in the build knows
 * the public host: `SITE_URL` at build time says it, read here and nowhere else.
 */

/** The origin feeds and previews name when SITE_URL is unset: `vite preview`'s own. */
export const DEFAULT_SITE_URL = 'http://localhost:4173'

export interface Site {
  /** The app's public root: origin plus base path, ending in `/` (`https://x.org/digests/`). */
  root: string
  /** Set when SITE_URL was missing or unusable and the default was taken instead. */
  warning?: string
}

/**
 * The app's public root from SITE_URL (an http(s) origin, e.g. `https://digest.example.org`) and
 * Vite's base path (BASE_PATH). The path belongs in BASE_PATH alone, so one setting never
 * contradicts the other: a SITE_URL with a path is refused rather than guessed at.
 */
export function resolveSite(options: { siteUrl: string | undefined; base: string }): Site {
  const base = options.base.startsWith('/') ? options.base : `/${options.base}`
  const withBase = (origin: string) => `${origin}${base.endsWith('/') ? base : `${base}/`}`
  const raw = options.siteUrl?.trim()
  if (!raw) {
    return {
      root: withBase(DEFAULT_SITE_URL),
      warning: `SITE_URL is not set: feeds and link previews name ${DEFAULT_SITE_URL}; build with SITE_URL=https://your.host for a deploy`,
    }
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fallback(`SITE_URL "${raw}" is not a URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fallback(`SITE_URL "${raw}" is not http(s)`)
  if (url.pathname !== '/' || url.search || url.hash)
    return fallback(`SITE_URL "${raw}" has a path: give the origin only and the path as BASE_PATH`)
  return { root: withBase(url.origin) }

  function fallback(why: string): Site {
    return {
      root: withBase(DEFAULT_SITE_URL),
      warning: `${why}; feeds and link previews name ${DEFAULT_SITE_URL} instead`,
    }
  }
}

/** An absolute URL of one of the app's paths (`/items/x`, as src/config/paths.ts writes them). */
export function absoluteUrl(site: Site, path: string): string {
  return site.root + path.replace(/^\//, '')
}
