import { Link } from 'react-router-dom'
import type { RefList, TopicEntry, TopicsIndex } from '@/types/topics'
import { paths } from '@/config/paths'
import { plural, useLanguage, useT } from '@/lib/i18n'
import { weekOf } from '@/lib/topics/topic-key'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { Chip } from '@/components/ui/chip'
import { refDay } from '@/components/item-ref-row'
import { TopicChart } from './topic-chart'
import { RefListView } from '@/components/ref-list-view'
import { SECTION_TITLE } from '@/components/ui/section-title'

/**
 * `/topics/:topic`: when the topic first appeared and how often since, its weeks as a chart, the
 * topics beside it, and its items newest first.
 */
export function TopicPage({
  index,
  entry,
  list,
}: {
  index: TopicsIndex
  entry: TopicEntry
  list: RefList
}) {
  const t = useT()
  const lang = useLanguage()
  const [name, aliases, count, recent, firstId, firstTime, firstOffset] = entry
  useDocumentTitle(`${name} · ${t({ zh: '话题', en: 'Topics' })}`)
  const forms = [name, ...aliases]
  const firstWeek = weekOf(firstTime, firstOffset)
  return (
    <div className="min-w-0">
      <PageHeading
        eyebrow={
          <Link to={paths.topics.getHref()} className="hover:underline">
            {t({ zh: '话题', en: 'Topics' })}
          </Link>
        }
        title={name}
        lang="zh-CN"
      >
        {aliases.length > 0 && (
          <p>
            {t({ zh: '又称', en: 'Also written' })}{' '}
            <span lang="zh-CN">{aliases.join(t({ zh: '、', en: ', ' }))}</span>
          </p>
        )}
      </PageHeading>
      <section aria-labelledby="topic-first" className="space-y-1">
        <h2 id="topic-first" className={SECTION_TITLE}>
          {t({ zh: '首次出现', en: 'First appeared' })}
        </h2>
        <p data-first-appearance="">
          <Link
            to={paths.item.getHref(firstId)}
            className="font-medium text-orange-700 hover:underline dark:text-orange-300"
          >
            {refDay(firstTime, firstOffset, lang)}
          </Link>{' '}
          <span className="text-stone-600 dark:text-stone-400">
            {t({
              zh: `，此后共 ${count} 条提及，最近四周 ${recent} 条。`,
              en: `; ${plural(count, 'mention')} since, ${recent} in the last four weeks.`,
            })}
          </span>
        </p>
      </section>
      <section aria-labelledby="topic-weeks" className="mt-8">
        <h2 id="topic-weeks" className={SECTION_TITLE}>
          {t({ zh: '每周提及', en: 'Mentions per week' })}
        </h2>
        <TopicChart weeks={list.weeks} from={firstWeek} to={index.week} />
      </section>
      {list.beside.length > 0 && (
        <section aria-labelledby="topic-beside" className="mt-8">
          <h2 id="topic-beside" className={SECTION_TITLE}>
            {t({ zh: '常一起出现的话题', en: 'Often beside it' })}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {list.beside.map(([other, n]) => (
              <li key={other}>
                <Chip to={paths.topic.getHref(other)}>
                  <span lang="zh-CN">{other}</span>
                  <span className="tabular-nums opacity-70">{n}</span>
                </Chip>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="topic-items" className="mt-8">
        <h2 id="topic-items" className={SECTION_TITLE}>
          {t({ zh: `条目（${count}）`, en: `Items (${count})` })}
        </h2>
        <RefListView
          list={list}
          historyKey={`topic:${name}`}
          label={t({ zh: `${name} 的条目`, en: `Items about ${name}` })}
          noteOf={(ref) =>
            ref[5] > 0 ? t({ zh: `写作 ${forms[ref[5]]}`, en: `as ${forms[ref[5]]}` }) : null
          }
        />
      </section>
    </div>
  )
}
