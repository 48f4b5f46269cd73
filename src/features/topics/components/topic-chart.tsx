import { useId, useState } from 'react'
import { weekStart } from '@/lib/topics/topic-key'
import { useT } from '@/lib/i18n'

/** Every week from `from` to `to` with its count (weeks without mentions are 0). */
export function denseWeeks(
  weeks: [number, number][],
  from: number,
  to: number,
): [number, number][] {
  const counts = new Map(weeks)
  const out: [number, number][] = []
  for (let w = from; w <= to; w++) out.push([w, counts.get(w) ?? 0])
  return out
}

const HEIGHT = 96
/**
 * The chart spans at least this many weeks, the topic's weeks at its right edge: a topic seen in
 * one week is one slim bar at "now", not a block the width of the page.
 */
const MIN_WEEKS = 26

/**
 * Mentions per week as bars in an inline SVG (no chart library: a few hundred bars need none).
 * The SVG is one image with a text alternative; the same numbers are a table one click away.
 */
export function TopicChart({
  weeks,
  from,
  to,
}: {
  weeks: [number, number][]
  from: number
  to: number
}) {
  const t = useT()
  const id = useId()
  const [table, setTable] = useState(false)
  const dense = denseWeeks(weeks, from, to)
  const max = Math.max(1, ...dense.map((w) => w[1]))
  const peak = dense.reduce((best, w) => (w[1] > best[1] ? w : best), dense[0] ?? [from, 0])
  const total = dense.reduce((n, w) => n + w[1], 0)
  const summary = t({
    zh: `${weekStart(from)} 至 ${weekStart(to)} 共 ${dense.length} 周，${total} 条提及；最多的一周是 ${weekStart(peak[0])} 起的一周（${peak[1]} 条）。`,
    en: `${dense.length} weeks from ${weekStart(from)} to ${weekStart(to)}, ${total} mentions; the busiest was the week of ${weekStart(peak[0])} (${peak[1]}).`,
  })
  const slots = Math.max(dense.length, MIN_WEEKS)
  const bar = 100 / slots
  const offset = slots - dense.length
  return (
    <figure className="mt-4" aria-labelledby={`${id}-caption`}>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        viewBox={`0 0 100 ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-24 w-full rounded-md bg-stone-100 text-orange-500 dark:bg-stone-800/60 dark:text-orange-400"
      >
        {dense.map(([week, n], i) =>
          n > 0 ? (
            <rect
              key={week}
              x={(offset + i) * bar + bar * 0.1}
              width={Math.max(bar * 0.8, 0.3)}
              y={HEIGHT - (n / max) * (HEIGHT - 4)}
              height={(n / max) * (HEIGHT - 4)}
              fill="currentColor"
            />
          ) : null,
        )}
      </svg>
      <figcaption id={`${id}-caption`} className="mt-2 text-sm text-stone-600 dark:text-stone-400">
        {summary}{' '}
        <button
          type="button"
          aria-expanded={table}
          aria-controls={`${id}-table`}
          onClick={() => setTable(!table)}
          className="text-orange-700 underline underline-offset-2 dark:text-orange-300"
        >
          {table
            ? t({ zh: '隐藏表格', en: 'Hide table' })
            : t({ zh: '以表格查看', en: 'Show as table' })}
        </button>
      </figcaption>
      {table && (
        <div id={`${id}-table`} className="mt-3 max-h-80 overflow-auto">
          <table className="w-full text-left text-sm tabular-nums">
            <caption className="sr-only">
              {t({ zh: '每周提及次数', en: 'Mentions per week' })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-4">
                  {t({ zh: '周（起始日）', en: 'Week of' })}
                </th>
                <th scope="col" className="py-1">
                  {t({ zh: '提及', en: 'Mentions' })}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...dense]
                .reverse()
                .filter((w) => w[1] > 0)
                .map(([week, n]) => (
                  <tr key={week} className="border-t border-stone-200 dark:border-stone-800">
                    <td className="py-1 pr-4">{weekStart(week)}</td>
                    <td className="py-1">{n}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  )
}
