import { searchDataSchema, type SearchDoc } from '@/types/content'
import { fetchJson } from '@/lib/fetch-json'

/**
 * Every search doc of the archive. The one place that knows the data's layout: when the search data
 * is split (by year, say), this function fetches the parts and the engine does not change.
 */
export async function loadSearchDocs(url: string): Promise<SearchDoc[]> {
  const data = await fetchJson(url, searchDataSchema)
  return data.docs
}
