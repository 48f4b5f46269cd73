import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter } from 'react-router-dom'
import { manifestQueryOptions } from '@/features/digests/api/manifest'
import { RootLayout } from './routes/root-layout'
import { TimelineRoute } from './routes/timeline'
import { NotFoundRoute } from './routes/not-found'
import { SearchRoute } from './routes/search'
import { BookmarksRoute } from './routes/bookmarks'

/** Routes with loaders that warm the query cache, so pages render with their data. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(
    [
      {
        path: '/',
        element: <RootLayout />,
        children: [
          {
            index: true,
            loader: () => queryClient.ensureQueryData(manifestQueryOptions()),
            element: <TimelineRoute />,
          },
          { path: 'search', element: <SearchRoute /> },
          { path: 'bookmarks', element: <BookmarksRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
    { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/' },
  )
}
