import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, type RouteObject } from 'react-router-dom'
import { paths } from '@/config/paths'
import { routerBasename } from '@/lib/router-basename'
import { RootLayout } from './routes/root-layout'
import { TimelineRoute } from './routes/timeline'
import { DigestRoute } from './routes/digest'
import { ItemRoute } from './routes/item'
import { NotFoundRoute } from './routes/not-found'
import { RouteError } from './routes/route-error'
import { PageSkeleton } from './routes/page-skeleton'
import { loadReadingStateIfStored } from '@/features/reading-state/probe'
import {
  aggregatesLoader,
  categoryLoader,
  digestLoader,
  headLoader,
  itemLoader,
  sourceLoader,
  timelineLoader,
  topicLoader,
  topicsLoader,
} from './routes/loaders'

/**
 * The app's routes; loaders warm the query cache, so pages render with their data. The first
 * screen's pages (timeline, digest, item) are in the main bundle; the others load their code on
 * first visit, alongside their data (the loaders stay here so both start at once).
 */
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
              // A returning reader's reading state (a lazy chunk) loads alongside the head, so the
              // timeline's first render has its marker and badges and a restored position holds.
              loader: async (args) =>
                (
                  await Promise.all([timelineLoader(queryClient)(args), loadReadingStateIfStored()])
                )[0],
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
              loader: aggregatesLoader(queryClient),
              HydrateFallback,
              lazy: async () => ({
                Component: (await import('./routes/categories')).CategoriesRoute,
              }),
            },
            {
              path: paths.category.path.slice(1),
              loader: categoryLoader(queryClient),
              HydrateFallback,
              lazy: async () => ({ Component: (await import('./routes/category')).CategoryRoute }),
            },
            {
              path: paths.search.path.slice(1),
              loader: headLoader(queryClient),
              // Typing rewrites `?q=`; the head it needs never changes, so don't reload it.
              shouldRevalidate: () => false,
              HydrateFallback,
              lazy: async () => ({ Component: (await import('./routes/search')).SearchRoute }),
            },
            {
              path: paths.bookmarks.path.slice(1),
              HydrateFallback,
              lazy: async () => ({
                Component: (await import('./routes/bookmarks')).BookmarksRoute,
              }),
            },
            {
              path: paths.watch.path.slice(1),
              loader: headLoader(queryClient),
              HydrateFallback,
              lazy: async () => ({ Component: (await import('./routes/watch')).WatchRoute }),
            },
            {
              path: paths.topics.path.slice(1),
              loader: topicsLoader(queryClient),
              HydrateFallback,
              lazy: async () => ({ Component: (await import('./routes/topics')).TopicsRoute }),
            },
            {
              path: paths.topic.path.slice(1),
              loader: topicLoader(queryClient),
              HydrateFallback,
              lazy: async () => ({ Component: (await import('./routes/topic')).TopicRoute }),
            },
            {
              path: paths.sources.path.slice(1),
              loader: aggregatesLoader(queryClient),
              HydrateFallback,
              lazy: async () => ({ Component: (await import('./routes/sources')).SourcesRoute }),
            },
            {
              path: paths.source.path.slice(1),
              loader: sourceLoader(queryClient),
              HydrateFallback,
              lazy: async () => ({ Component: (await import('./routes/sources')).SourceRoute }),
            },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ]
}

/** The browser router used by the app. */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient), { basename: routerBasename })
}
