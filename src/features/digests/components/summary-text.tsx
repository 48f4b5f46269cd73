import { Fragment, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { InlineRun } from '@/types/content'
import { paths } from '@/config/paths'

const SAFE_URL = /^https?:\/\//i
// A blank line (possibly with spaces) separates paragraphs, as in the markdown it came from.
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/

/**
 * Splits runs into paragraphs at the blank lines inside text runs. Other publishers' items often
 * carry several paragraphs in one summary; drawn as one block they read as a wall of text.
 */
export function paragraphsOf(runs: InlineRun[]): InlineRun[][] {
  const paragraphs: InlineRun[][] = [[]]
  for (const run of runs) {
    if (run.kind !== 'text') {
      paragraphs.at(-1)!.push(run)
      continue
    }
    run.text.split(PARAGRAPH_BREAK).forEach((text, i) => {
      if (i > 0) paragraphs.push([])
      if (text) paragraphs.at(-1)!.push({ ...run, text })
    })
  }
  return paragraphs
    .map((runs) => trimEdges(runs))
    .filter((runs) => runs.some((r) => r.text.trim() !== ''))
}

/** Drops the line breaks left at a paragraph's start and end by the split. */
function trimEdges(runs: InlineRun[]): InlineRun[] {
  return runs.map((run, i) => {
    if (run.kind !== 'text') return run
    let text = run.text
    if (i === 0) text = text.replace(/^\s+/, '')
    if (i === runs.length - 1) text = text.replace(/\s+$/, '')
    return { ...run, text }
  })
}

/** Text with its single line breaks kept as `<br>`: lists and addresses written line by line. */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n')
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  )
}

const EDGES = /^[\s"'“”‘’「」『』《》【】]+|[\s"'“”‘’「」『』《》【】:：,，.。;；、!！?？]+$/g

/**
 * The topic a bold run names, if any: the item's term it spells (`RLVR`), or the first name of an
 * aliased one (`可验证奖励强化学习（RLVR）` → `可验证奖励强化学习`). Bold used as a label (`背景：`) or for
 * emphasis names no term and is drawn as plain bold.
 */
export function termOfBold(text: string, terms: string[]): string | undefined {
  const bold = text.normalize('NFKC').replace(EDGES, '')
  return terms.find((term) => bold === term || new RegExp(`^${escape(term)}\\s*\\(`).test(bold))
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function Run({ run, terms }: { run: InlineRun; terms: string[] }): ReactNode {
  switch (run.kind) {
    case 'text':
      return <Lines text={run.text} />
    case 'strong': {
      const term = termOfBold(run.text, terms)
      return term ? (
        <Link to={paths.topic.getHref(term)} className="term-link">
          <strong>{run.text}</strong>
        </Link>
      ) : (
        <strong>{run.text}</strong>
      )
    }
    case 'em':
      return <em>{run.text}</em>
    case 'code': {
      const code = (
        <code className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.88em] text-stone-800 dark:bg-stone-800 dark:text-stone-200">
          {run.text}
        </code>
      )
      // A tag the compiler took as one of the item's terms (`#llm` after `**标签**:`) links like a
      // bold term; other code is just code.
      const bare = run.text.normalize('NFKC').trim()
      const tag = bare.startsWith('#') ? bare.slice(1) : undefined
      return tag && terms.includes(tag) ? (
        <Link to={paths.topic.getHref(tag)} className="term-link">
          {code}
        </Link>
      ) : (
        code
      )
    }
    case 'link':
      // The schema only admits http(s), but a renderer must not trust that alone.
      return SAFE_URL.test(run.href) ? (
        <a
          href={run.href}
          target="_blank"
          rel="noopener noreferrer"
          className="text-orange-700 underline underline-offset-2 dark:text-orange-300"
        >
          {run.text}
        </a>
      ) : (
        <span>{run.text}</span>
      )
  }
}

/**
 * A summary drawn from its inline runs as React elements, one `<p>` per paragraph: text is never
 * parsed as HTML. Bold terms link to their topic's page (an alias redirects to the topic), so a reader
 * can follow a topic across the archive; `terms` are the item's own (see termOfBold).
 */
export function SummaryText({ runs, terms }: { runs: InlineRun[]; terms: string[] }) {
  return (
    <>
      {paragraphsOf(runs).map((paragraph, p) => (
        <p key={p}>
          {paragraph.map((run, i) => (
            <Run key={i} run={run} terms={terms} />
          ))}
        </p>
      ))}
    </>
  )
}
