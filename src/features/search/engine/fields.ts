import type { SearchDoc } from '@/types/content'
import { fold } from './normalize'

/**
 * An item's folded fields in one string, title · terms · text, split by a run of separators that
 * no pattern character matches: one `indexOf` covers all fields, and since the title comes first,
 * the first hit is in the weightiest field. The run is longer than any typo budget, so no fuzzy
 * match can span two fields.
 */
export const SEPARATOR = '\u0000'.repeat(12)

export interface JoinedFields {
  text: string
  /** Where the terms and the summary text start in `text`. */
  termsAt: number
  textAt: number
}

/** Joins an item's folded fields. */
export function joinFields(doc: SearchDoc): JoinedFields {
  const title = fold(doc.title)
  const terms = fold(doc.terms.join('\n'))
  const termsAt = title.length + SEPARATOR.length
  const textAt = termsAt + terms.length + SEPARATOR.length
  return { text: title + SEPARATOR + terms + SEPARATOR + fold(doc.text), termsAt, textAt }
}

/** Field number (0 title, 1 terms, 2 text) of a position in the joined string. */
export function fieldAt(fields: JoinedFields, at: number): 0 | 1 | 2 {
  return at < fields.termsAt ? 0 : at < fields.textAt ? 1 : 2
}

/** The three folded fields again, for highlighting the few hits on screen. */
export function splitFields(fields: JoinedFields): [string, string, string] {
  const { text, termsAt, textAt } = fields
  const gap = SEPARATOR.length
  return [text.slice(0, termsAt - gap), text.slice(termsAt, textAt - gap), text.slice(textAt)]
}
