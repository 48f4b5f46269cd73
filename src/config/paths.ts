/** Every URL the app links to; components never build paths by hand. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  digest: {
    path: '/digests/:digestId',
    getHref: (digestId: string, itemId?: string) =>
      `/digests/${encodeURIComponent(digestId)}${itemId ? `#${encodeURIComponent(itemId)}` : ''}`,
  },
  item: {
    path: '/items/:itemId',
    getHref: (itemId: string) => `/items/${encodeURIComponent(itemId)}`,
  },
  categories: { path: '/categories', getHref: () => '/categories' },
  category: {
    path: '/categories/:name',
    getHref: (name: string) => `/categories/${encodeURIComponent(name)}`,
  },
  search: {
    path: '/search',
    getHref: (q = '', params: Record<string, string> = {}) => {
      const query = new URLSearchParams({ ...(q ? { q } : {}), ...params }).toString()
      return query ? `/search?${query}` : '/search'
    },
  },
  bookmarks: { path: '/bookmarks', getHref: () => '/bookmarks' },
} as const
