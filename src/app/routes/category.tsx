import { Link, useLocation, useParams } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { digestsInCategory, useManifest } from '@/features/digests/api/digest'
import { DigestFeed } from '@/features/digests/components/digest-feed'

/** `/categories/:name` (Chinese names welcome): the digests filed under a category, newest first. */
export function CategoryRoute() {
  const t = useT()
  const { name = '' } = useParams()
  const { key } = useLocation()
  const manifest = useManifest()
  const digests = digestsInCategory(manifest, name)
  useDocumentTitle(`${name} · ${t({ zh: '分类', en: 'Categories' })}`)
  return (
    <>
      <PageHeading
        eyebrow={
          <Link to={paths.categories.getHref()} className="hover:underline">
            {t({ zh: '分类', en: 'Categories' })}
          </Link>
        }
        title={name}
        lang="zh-CN"
      >
        {t({
          zh: `${digests.length} 期摘要 · 最新在前`,
          en: `${digests.length} digests · newest first`,
        })}
      </PageHeading>
      <DigestFeed manifest={manifest} digests={digests} historyKey={`category:${name}:${key}`} />
    </>
  )
}
