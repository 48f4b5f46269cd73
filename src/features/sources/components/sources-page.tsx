import { Link } from 'react-router-dom'
import type { NameCount } from '@/types/content'
import { paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { VirtualList } from '@/components/ui/virtual-list'

/** The handle a source's page is named by: `@dotey` → `dotey`; a host as it is. */
export const handleOf = (name: string) => name.replace(/^@/, '')

/** `/sources`: accounts and hosts with their item counts, most items first. */
export function SourcesPage({ sources }: { sources: NameCount[] }) {
  const t = useT()
  useDocumentTitle(t({ zh: '来源', en: 'Sources' }))
  return (
    <div className="min-w-0">
      <PageHeading title={t({ zh: '来源', en: 'Sources' })}>
        {t({
          zh: `共 ${sources.length} 个账号与网站`,
          en: plural(sources.length, 'account or host', 'accounts and hosts'),
        })}
      </PageHeading>
      <VirtualList
        label={t({ zh: '来源', en: 'Sources' })}
        count={sources.length}
        estimateSize={() => 48}
        historyKey="sources"
        renderRow={(i) => {
          const s = sources[i]!
          return (
            <Link
              to={paths.source.getHref(handleOf(s.name))}
              className="flex items-baseline justify-between gap-3 border-b border-stone-200 py-3 hover:text-orange-700 dark:border-stone-800 dark:hover:text-orange-300"
            >
              <span className="min-w-0 truncate font-medium">{s.name}</span>
              <span className="shrink-0 text-sm text-stone-500 tabular-nums dark:text-stone-400">
                {t({ zh: `${s.count} 条`, en: plural(s.count, 'item') })}
              </span>
            </Link>
          )
        }}
      />
    </div>
  )
}
