/** The publisher.json schema, shape hints included, and its problems as messages with lines. */
import { z } from 'zod'

const words = z.array(z.string().trim().min(1, 'must not be empty').max(40)).min(1).max(50)

/**
 * How a publisher writes its digests, when the built-in heuristics misread it (docs/content-format.md,
 * "Shape hints"). Every key is optional; words are added to the built-in ones, never replace them.
 */
const shapeSchema = z
  .object({
    /** Heading levels that only group items: never items themselves, their name the items' section. */
    sectionLevels: z.array(z.number().int().min(1).max(6)).min(1).max(6).optional(),
    /** Section names that hold no items (intros, essays): skipped with everything under them. */
    skipSections: words.optional(),
    /** Where items are: every list entry, every heading, or (default) what the heuristics find. */
    items: z.enum(['auto', 'list-items', 'headings']).optional(),
    /** Words that introduce an item's link (`原文`), its tags (`标签`) or a field of its summary. */
    labels: z.object({ link: words, tags: words, summary: words }).partial().strict().optional(),
    /** How the title of an item written without one is derived, and how long it may be. */
    titles: z
      .object({
        from: z.enum(['auto', 'bold', 'clause']),
        maxLength: z.number().int().min(8).max(200),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict()

export type ShapeHints = z.infer<typeof shapeSchema>

export const configSchema = z
  .object({
    name: z.string().min(1).optional(),
    /** The default publisher's digest ids carry no prefix (`2025-12-22-04`). */
    default: z.boolean().optional(),
    mode: z.enum(['strict', 'lenient']).optional(),
    timeZone: z
      .string()
      .refine(isTimeZone, 'not an IANA time zone (e.g. "Asia/Shanghai")')
      .optional(),
    shape: shapeSchema.optional(),
  })
  .strict()

export type PublisherFileConfig = z.infer<typeof configSchema>

/**
 * One schema problem of a publisher.json as `shape.items: Invalid option: …`, with the line of the
 * key it is about (the config is small: the key's first mention after its parents' is that line).
 */
export function configIssue(
  text: string,
  issue: z.core.$ZodIssue,
): { message: string; line: number } {
  const keys = issue.path.filter((p): p is string => typeof p === 'string')
  const unknown = issue.code === 'unrecognized_keys' ? issue.keys : []
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
  const subject = where ? `${where.slice(1)}: ` : ''
  const message =
    unknown.length > 0
      ? `${subject}unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`
      : `${subject}${issue.message}`
  return { message, line: lineOf(text, [...keys, ...unknown.slice(0, 1)]) }
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
