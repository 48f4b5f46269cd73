import { useDeferredValue, useState } from 'react'
import { Link } from 'react-router-dom'
import type { TopicEntry, TopicsIndex } from '@/types/topics'
import { paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { topicKey, weekOf } from '@/lib/topics/topic-key'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { Chip } from '@/components/ui/chip'
import { VirtualList } from '@/components/ui/virtual-list'
import { SECTION_TITLE } from '@/components/ui/section-title'

/** Topics whose first appearance is in the archive's newest week. */
export function newThisWeek(index: TopicsIndex): TopicEntry[] {
  return index.topics.filter((t) => weekOf(t[5], t[6]) === index.week)
}

/** Topics a filter matches by any of their names (case, width and spacing folded). */
export function filterTopics(topics: TopicEntry[], filter: string): TopicEntry[] {
  const key = topicKey(filter)
  if (!key) return topics
  return topics.filter((t) => [t[0], ...t[1]].some((name) => topicKey(name).includes(key)))
}

/** `/topics`: every topic, most mentioned in the last four weeks first, with a filter box. */
export function TopicsPage({ index }: { index: TopicsIndex }) {
  const t = useT()
  const [filter, setFilter] = useState('')
  const deferred = useDeferredValue(filter)
  const shown = filterTopics(index.topics, deferred)
  const fresh = newThisWeek(index)
  useDocumentTitle(t({ zh: '话题', en: 'Topics' }))
  return (
    <div className="min-w-0">
      <PageHeading title={t({ zh: '话题', en: 'Topics' })}>
        {t({
          zh: `共 ${index.topics.length} 个话题，按最近四周的提及排序`,
          en: `${plural(index.topics.length, 'topic')}, by mentions in the last four weeks`,
        })}
      </PageHeading>
      {fresh.length > 0 && (
        <section aria-labelledby="topics-new" className="mb-8">
          <h2 id="topics-new" className={SECTION_TITLE}>
            {t({ zh: '本周新话题', en: 'New this week' })}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {fresh.slice(0, 24).map((topic) => (
              <li key={topic[0]}>
                <Chip to={paths.topic.getHref(topic[0])}>
                  <span lang="zh-CN">{topic[0]}</span>
                </Chip>
              </li>
            ))}
          </ul>
        </section>
      )}
      <label className="block text-sm font-medium" htmlFor="topic-filter">
        {t({ zh: '筛选话题', en: 'Filter topics' })}
      </label>
      <input
        id="topic-filter"
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="mt-1 mb-4 w-full rounded-md border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-900"
      />
      <p role="status" className="mb-2 text-sm text-stone-500 dark:text-stone-400">
        {t({ zh: `显示 ${shown.length} 个`, en: `Showing ${shown.length}` })}
      </p>
      <VirtualList
        key={deferred}
        label={t({ zh: '话题', en: 'Topics' })}
        count={shown.length}
        estimateSize={() => 52}
        historyKey={`topics:${deferred}`}
        renderRow={(i) => <TopicRow topic={shown[i]!} />}
      />
    </div>
  )
}

function TopicRow({ topic }: { topic: TopicEntry }) {
  const t = useT()
  const [name, aliases, count, recent] = topic
  return (
    <Link
      to={paths.topic.getHref(name)}
      className="flex items-baseline justify-between gap-3 border-b border-stone-200 py-3 hover:text-orange-700 dark:border-stone-800 dark:hover:text-orange-300"
    >
      <span className="min-w-0">
        <span className="font-medium" lang="zh-CN">
          {name}
        </span>
        {aliases.length > 0 && (
          <span className="ml-2 text-sm text-stone-500 dark:text-stone-400" lang="zh-CN">
            {aliases.slice(0, 3).join(' · ')}
          </span>
        )}
      </span>
      <span className="shrink-0 text-sm text-stone-500 tabular-nums dark:text-stone-400">
        {t({ zh: `近四周 ${recent} · 共 ${count}`, en: `${recent} recent · ${count} in all` })}
      </span>
    </Link>
  )
}
