import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router-dom'
import type { Head } from '@/types/content'
import { paths } from '@/config/paths'
import { loadTopic } from '@/lib/archive/topic-queries'
import { topicKey } from '@/lib/topics/topic-key'
import { useT } from '@/lib/i18n'
import { ItemRefRow } from '@/components/item-ref-row'
import { SECTION_TITLE } from '@/components/ui/section-title'

/**
 * After the search results: when the query names a topic (by any of its names), a link to the
 * topic and the topic's items the search did not find because they write it another way, each
 * marked with the form it used ("via 可验证奖励强化学习").
 */
export function TopicViaResults({
  head,
  query,
  found,
}: {
  head: Head
  query: string
  /** Ids the search itself found; they are not repeated here. */
  found: Set<string>
}) {
  const t = useT()
  const { data } = useQuery({
    queryKey: ['archive', 'topic-of-query', head.topics, topicKey(query)],
    queryFn: ({ client }) => loadTopic(client, query),
    enabled: !!head.topics && topicKey(query) !== '',
  })
  if (!data) return null
  const [name, aliases] = data.entry
  const forms = [name, ...aliases]
  const asked = forms.findIndex((f) => topicKey(f) === topicKey(query))
  const via = data.list.items.filter((r) => r[5] !== asked && !found.has(r[0]))
  return (
    <section aria-labelledby="topic-via" className="mt-8" data-topic-via="">
      <h2 id="topic-via" className={SECTION_TITLE}>
        {t({ zh: '话题', en: 'Topic' })}:{' '}
        <Link
          to={paths.topic.getHref(name)}
          className="text-orange-700 hover:underline dark:text-orange-300"
          lang="zh-CN"
        >
          {name}
        </Link>
      </h2>
      {via.length > 0 && (
        <ul className="mt-2">
          {via.map((ref) => (
            <li key={ref[0]}>
              <ItemRefRow
                refItem={ref}
                note={
                  <span data-via="">
                    {t({ zh: '通过别名', en: 'via' })} <span lang="zh-CN">{forms[ref[5]]}</span>
                  </span>
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
