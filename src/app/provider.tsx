import { useState, type ReactNode } from 'react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RouterProvider } from 'react-router-dom'
import { createQueryClient } from '@/lib/query-client'
import { ItemActionsProvider } from '@/components/item-actions'
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle'
import { createAppRouter } from './router'

/** Context every view needs: the shared query client and the features wired into item cards. */
export function AppProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient
  children: ReactNode
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <ItemActionsProvider render={(target) => <BookmarkToggle {...target} />}>
        {children}
      </ItemActionsProvider>
    </QueryClientProvider>
  )
}

/** The whole app: one query client shared by loaders and components; features wired together. */
export function AppProvider() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createAppRouter(queryClient))
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
