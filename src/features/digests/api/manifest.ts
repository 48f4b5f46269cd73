import { queryOptions } from '@tanstack/react-query'
import { manifestFile } from 'virtual:digest-content'
import { manifestSchema } from '@/types/content'
import { dataUrl, fetchJson } from '@/lib/fetch-json'

/** The manifest: digest list (newest first), counts, and where chunks and search data live. */
export const manifestQueryOptions = () =>
  queryOptions({
    queryKey: ['manifest', manifestFile],
    queryFn: ({ signal }) => fetchJson(dataUrl(manifestFile), manifestSchema, signal),
  })
