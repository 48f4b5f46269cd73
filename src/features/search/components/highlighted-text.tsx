import type { ReactNode } from 'react'
import type { Ranges } from '../engine/types'

/** Text with the matched ranges wrapped in `<mark>` elements (never HTML strings). */
export function HighlightedText({ text, ranges }: { text: string; ranges: Ranges }) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(
      <mark
        key={start}
        className="rounded-sm bg-amber-200 px-0.5 text-inherit dark:bg-amber-500/40 dark:text-amber-50"
      >
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
