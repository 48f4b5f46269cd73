/** The publisher.json schema, shape hints included, and its problems as messages with lines. */
import * as v from 'valibot'

const word = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(40))
const words = v.pipe(v.array(word), v.minLength(1), v.maxLength(50))
const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
const oneOf = <const T extends string[]>(options: T) =>
  v.picklist(options, `expected one of ${options.map((o) => `"${o}"`).join(' | ')}`)

/**
 * How a publisher writes its digests, when the built-in heuristics misread it (docs/content-format.md,
 * "Shape hints"). Every key is optional; words are added to the built-in ones, never replace them.
 * Objects are strict: a misspelt key is an error, not a hint silently ignored.
 */
const shapeSchema = v.strictObject({
  /** Heading levels that only group items: never items themselves, their name the items' section. */
  sectionLevels: v.optional(v.pipe(v.array(int(1, 6)), v.minLength(1), v.maxLength(6))),
  /** Section names that hold no items (intros, essays): skipped with everything under them. */
  skipSections: v.optional(words),
  /** Where items are: every list entry, every heading, or (default) what the heuristics find. */
  items: v.optional(oneOf(['auto', 'list-items', 'headings'])),
  /** Words that introduce an item's link (`原文`), its tags (`标签`) or a field of its summary. */
  labels: v.optional(
    v.strictObject({
      link: v.optional(words),
      tags: v.optional(words),
      summary: v.optional(words),
    }),
  ),
  /** How the title of an item written without one is derived, and how long it may be. */
  titles: v.optional(
    v.strictObject({
      from: v.optional(oneOf(['auto', 'bold', 'clause'])),
      maxLength: v.optional(int(8, 200)),
    }),
  ),
})

export type ShapeHints = v.InferOutput<typeof shapeSchema>

export const configSchema = v.strictObject({
  name: v.optional(v.pipe(v.string(), v.minLength(1))),
  /** The default publisher's digest ids carry no prefix (`2025-12-22-04`). */
  default: v.optional(v.boolean()),
  mode: v.optional(oneOf(['strict', 'lenient'])),
  timeZone: v.optional(
    v.pipe(v.string(), v.check(isTimeZone, 'not an IANA time zone (e.g. "Asia/Shanghai")')),
  ),
  shape: v.optional(shapeSchema),
})

export type PublisherFileConfig = v.InferOutput<typeof configSchema>

/**
 * One schema problem of a publisher.json as `shape.items: expected one of …`, with the line of the
 * key it is about (the config is small: the key's first mention after its parents' is that line).
 */
export function configIssue(
  text: string,
  issue: v.BaseIssue<unknown>,
): { message: string; line: number } {
  const path = (issue.path ?? []).map((item) => item.key as string | number)
  // A strict object's issue is about a key that should not be there: its path ends at that key.
  const unknown = issue.type === 'strict_object' ? String(path.pop()) : undefined
  const keys = path.filter((p): p is string => typeof p === 'string')
  const where = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')
  const subject = where ? `${where.slice(1)}: ` : ''
  const message =
    unknown !== undefined ? `${subject}unknown key "${unknown}"` : `${subject}${issue.message}`
  return { message, line: lineOf(text, unknown !== undefined ? [...keys, unknown] : keys) }
}

/** The line where the last of `keys` is first written after the ones before it. */
function lineOf(text: string, keys: string[]): number {
  let at = 0
  for (const key of keys) {
    const found = text.indexOf(JSON.stringify(key), at)
    if (found < 0) break
    at = found
  }
  return text.slice(0, at).split('\n').length
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
