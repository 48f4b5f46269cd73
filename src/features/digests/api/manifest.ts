import { queryOptions } from '@tanstack/react-query'
import { manifestFile } from 'virtual:digest-content'
import { manifestSchema } from '@/types/content'
import { DataLoadError, dataUrl, fetchJson } from '@/lib/fetch-json'

/** The manifest: digest list (newest first), counts, and where chunks and search data live. */
export const manifestQueryOptions = () =>
  queryOptions({
    queryKey: ['manifest', manifestFile],
    queryFn: ({ signal }) => {
      // index.html names the manifest; a page served without that link (not the built one) cannot
      // know which digests to show, and says so instead of guessing.
      if (!manifestFile)
        throw new DataLoadError('index.html does not name the digest manifest', 'index.html')
      return fetchJson(dataUrl(manifestFile), manifestSchema, signal)
    },
  })
