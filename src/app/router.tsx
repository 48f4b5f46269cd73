import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, type RouteObject } from 'react-router-dom'
import { paths } from '@/config/paths'
import { RootLayout } from './routes/root-layout'
import { TimelineRoute } from './routes/timeline'
import { DigestRoute } from './routes/digest'
import { ItemRoute } from './routes/item'
import { CategoriesRoute } from './routes/categories'
import { CategoryRoute } from './routes/category'
import { NotFoundRoute } from './routes/not-found'
import { RouteError } from './routes/route-error'
import { PageSkeleton } from './routes/page-skeleton'
import { SearchRoute } from './routes/search'
import { BookmarksRoute } from './routes/bookmarks'
import {
  categoryLoader,
  digestLoader,
  itemLoader,
  manifestLoader,
  timelineLoader,
} from './routes/loaders'

/** The app's routes; loaders warm the query cache, so pages render with their data. */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  // Shown while a page's data loads on first visit (later navigations keep the old page instead).
  const HydrateFallback = PageSkeleton
  return [
    {
      path: '/',
      element: <RootLayout />,
      errorElement: <RouteError />,
      children: [
        {
          // Pathless: a failing page keeps the header and shows its error inside the layout.
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              loader: timelineLoader(queryClient),
              HydrateFallback,
              element: <TimelineRoute />,
            },
            {
              path: paths.digest.path.slice(1),
              loader: digestLoader(queryClient),
              HydrateFallback,
              element: <DigestRoute />,
            },
            {
              path: paths.item.path.slice(1),
              loader: itemLoader(queryClient),
              HydrateFallback,
              element: <ItemRoute />,
            },
            {
              path: paths.categories.path.slice(1),
              loader: manifestLoader(queryClient),
              HydrateFallback,
              element: <CategoriesRoute />,
            },
            {
              path: paths.category.path.slice(1),
              loader: categoryLoader(queryClient),
              HydrateFallback,
              element: <CategoryRoute />,
            },
            {
              path: paths.search.path.slice(1),
              loader: manifestLoader(queryClient),
              // Typing rewrites `?q=`; the manifest it needs never changes, so don't reload it.
              shouldRevalidate: () => false,
              HydrateFallback,
              element: <SearchRoute />,
            },
            { path: paths.bookmarks.path.slice(1), element: <BookmarksRoute /> },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ]
}

/** The base path (`BASE_PATH` at build time) without its trailing slash, for the router. */
export const routerBasename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'

/** The browser router used by the app. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient), { basename: routerBasename })
}
