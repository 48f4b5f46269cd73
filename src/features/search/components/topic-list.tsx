import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { contentLang } from '@/lib/content-lang'
import { SECTION_TITLE } from '@/components/ui/section-title'

/**
 * The archive's most named topics for the empty search page: only those named by more than one
 * item (with a single digest every term counts 1, and an alphabetical list of them is noise), and
 * not already shown among the recent ones.
 */
export function frequentTopics(
  terms: { name: string; count: number }[],
  recent: string[],
  limit = 16,
): string[] {
  const shown = new Set(recent.map((topic) => topic.toLowerCase()))
  return terms
    .filter((term) => term.count > 1 && !shown.has(term.name.toLowerCase()))
    .slice(0, limit)
    .map((term) => term.name)
}

/** A row of topics, each a link to its search. */
export function TopicList({ label, topics }: { label: string; topics: string[] }) {
  if (topics.length === 0) return null
  return (
    <section className="mt-6">
      <h2 className={SECTION_TITLE}>{label}</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {topics.map((topic) => (
          <li key={topic} lang={contentLang(topic)}>
            <Link
              to={paths.search.getHref(topic)}
              className="inline-block rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
            >
              {topic}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
