import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { contentLang } from './content-lang'

/** A row of topics, each a link to its search. */
export function TopicList({ label, topics }: { label: string; topics: string[] }) {
  if (topics.length === 0) return null
  return (
    <section className="mt-6">
      <h2 className="text-sm font-semibold text-stone-600 dark:text-stone-300">{label}</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {topics.map((topic) => (
          <li key={topic} lang={contentLang(topic)}>
            <Link
              to={paths.search.getHref(topic)}
              className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:border-stone-700 dark:hover:bg-stone-800"
            >
              {topic}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
