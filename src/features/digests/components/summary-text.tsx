import { Link } from 'react-router-dom'
import type { InlineRun } from '@/types/content'
import { paths } from '@/config/paths'

const SAFE_URL = /^https?:\/\//i

/**
 * A summary drawn from its inline runs as React elements: text is never parsed as HTML. Bold terms
 * link to a search for the term, so a reader can follow a topic across the archive.
 */
export function SummaryText({ runs }: { runs: InlineRun[] }) {
  return (
    <>
      {runs.map((run, i) => {
        switch (run.kind) {
          case 'text':
            return <span key={i}>{run.text}</span>
          case 'strong':
            return (
              <Link key={i} to={paths.search.getHref(run.text)} className="term-link">
                <strong>{run.text}</strong>
              </Link>
            )
          case 'em':
            return <em key={i}>{run.text}</em>
          case 'code':
            return (
              <code
                key={i}
                className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.88em] text-stone-800 dark:bg-stone-800 dark:text-stone-200"
              >
                {run.text}
              </code>
            )
          case 'link':
            // The schema only admits http(s), but a renderer must not trust that alone.
            return SAFE_URL.test(run.href) ? (
              <a
                key={i}
                href={run.href}
                target="_blank"
                rel="noopener noreferrer"
                className="text-orange-700 underline underline-offset-2 dark:text-orange-300"
              >
                {run.text}
              </a>
            ) : (
              <span key={i}>{run.text}</span>
            )
        }
      })}
    </>
  )
}
