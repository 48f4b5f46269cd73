import { useQuery } from '@tanstack/react-query'
import { manifestQueryOptions } from '@/features/digests/api/manifest'
import { SearchPage } from '@/features/search/components/search-page'
import { useT } from '@/lib/i18n'

/** `/search?q=…&category=…&from=…&to=…&source=…&publisher=…` */
export function SearchRoute() {
  const t = useT()
  const manifest = useQuery(manifestQueryOptions())
  if (manifest.isError) {
    return <p role="alert">{t({ zh: '无法加载目录。', en: 'Could not load the archive.' })}</p>
  }
  if (!manifest.data) {
    return <p role="status">{t({ zh: '正在加载…', en: 'Loading…' })}</p>
  }
  return <SearchPage manifest={manifest.data} />
}
