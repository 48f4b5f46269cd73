import { useState } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router-dom'
import { createQueryClient } from '@/lib/query-client'
import { ItemActionsProvider } from '@/components/item-actions'
import { BookmarkToggle } from '@/features/bookmarks/components/bookmark-toggle'
import { createAppRouter } from './router'

/** The whole app: one query client shared by loaders and components; features wired together. */
export function AppProvider() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createAppRouter(queryClient))
  return (
    <QueryClientProvider client={queryClient}>
      <ItemActionsProvider render={(target) => <BookmarkToggle {...target} />}>
        <RouterProvider router={router} />
      </ItemActionsProvider>
    </QueryClientProvider>
  )
}
