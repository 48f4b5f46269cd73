/** URL query parameters; empty values are left out. */
export type QueryParams = Record<string, string | undefined>

/** `path?query`, without a dangling `?` when no parameter has a value. */
function withQuery(path: string, params: QueryParams = {}): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1])
  const query = new URLSearchParams(entries).toString()
  return query ? `${path}?${query}` : path
}

/**
 * A category name as one path segment. URL parsers drop `.` and `..` segments (and their
 * `%2E` spellings), so those two names, and any starting with `~`, get a leading `~` that
 * `categoryFromSegment` removes: every name has one segment and reads back as itself.
 */
function categorySegment(name: string): string {
  const escaped = name === '.' || name === '..' || name.startsWith('~') ? `~${name}` : name
  return encodeURIComponent(escaped)
}

/** The category name of a `/categories/:name` segment (as the router decoded it). */
export function categoryFromSegment(segment: string): string {
  return segment.startsWith('~') ? segment.slice(1) : segment
}

/** Every URL the app links to; components never build paths by hand. */
export const paths = {
  home: { path: '/', getHref: (params?: QueryParams) => withQuery('/', params) },
  digest: {
    path: '/digests/:digestId',
    getHref: (digestId: string, itemId?: string) =>
      `/digests/${encodeURIComponent(digestId)}${itemId ? `#${encodeURIComponent(itemId)}` : ''}`,
  },
  item: {
    path: '/items/:itemId',
    getHref: (itemId: string) => `/items/${encodeURIComponent(itemId)}`,
  },
  categories: {
    path: '/categories',
    getHref: (params?: QueryParams) => withQuery('/categories', params),
  },
  category: {
    path: '/categories/:name',
    getHref: (name: string, params?: QueryParams) =>
      withQuery(`/categories/${categorySegment(name)}`, params),
  },
  search: {
    path: '/search',
    getHref: (q = '', params: Record<string, string> = {}) => {
      const query = new URLSearchParams({ ...(q ? { q } : {}), ...params }).toString()
      return query ? `/search?${query}` : '/search'
    },
  },
  bookmarks: { path: '/bookmarks', getHref: () => '/bookmarks' },
  watch: { path: '/watch', getHref: () => '/watch' },
  topics: { path: '/topics', getHref: () => '/topics' },
  topic: {
    path: '/topics/:topic',
    getHref: (name: string) => `/topics/${encodeURIComponent(name)}`,
  },
  sources: { path: '/sources', getHref: () => '/sources' },
  source: {
    path: '/sources/:handle',
    getHref: (handle: string) => `/sources/${encodeURIComponent(handle)}`,
  },
} as const
