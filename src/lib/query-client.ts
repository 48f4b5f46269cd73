import { QueryClient } from '@tanstack/react-query'

/** Compiled content never changes while the app is open (file names are content-hashed). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 30 * 60_000, retry: 1, refetchOnWindowFocus: false },
    },
  })
}
