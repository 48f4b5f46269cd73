import { Link } from 'react-router-dom'
import type { RefList } from '@/types/topics'
import { paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { RefListView } from '@/components/ref-list-view'

/** `/sources/:handle`: every item from one account or host, newest first. */
export function SourcePage({ list }: { list: RefList }) {
  const t = useT()
  useDocumentTitle(`${list.name} · ${t({ zh: '来源', en: 'Sources' })}`)
  return (
    <div className="min-w-0">
      <PageHeading
        eyebrow={
          <Link to={paths.sources.getHref()} className="hover:underline">
            {t({ zh: '来源', en: 'Sources' })}
          </Link>
        }
        title={list.name}
      >
        {t({ zh: `共 ${list.total} 条`, en: plural(list.total, 'item') })}
      </PageHeading>
      <RefListView
        list={list}
        historyKey={`source:${list.name}`}
        label={t({ zh: `来自 ${list.name} 的条目`, en: `Items from ${list.name}` })}
      />
    </div>
  )
}
