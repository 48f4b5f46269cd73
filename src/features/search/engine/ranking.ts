import { fieldAt, type JoinedFields } from './fields'
import { exactQuality, fuzzyHit, type WordPlan } from './match-word'

/** Field weights (title, terms, text): a word in the title or a bold term says more. */
export const FIELD_WEIGHTS = [3, 2.5, 1] as const

/** Scores at or above this have every word exact, so they sort above any fuzzy hit. */
export const EXACT_TIER = 1000

/**
 * Scores one item for all words, or returns -1 when a word is missing. Exact hits (every word
 * exact) sort above fuzzy ones, whole words above substrings, title and terms above text; a word
 * that also appears in the summary adds a little.
 */
export function scoreDoc(plans: WordPlan[], fields: JoinedFields): number {
  const { text } = fields
  let total = 0
  let exact = true
  for (const plan of plans) {
    const at = text.indexOf(plan.word)
    if (at >= 0) {
      const field = fieldAt(fields, at)
      total += exactQuality(plan.word, text, at) * FIELD_WEIGHTS[field]
      if (field < 2 && text.indexOf(plan.word, fields.textAt) >= 0) total += 0.2
      continue
    }
    // Fuzzy matching runs only when the word is nowhere exact: an exact hit outranks it anyway.
    exact = false
    const hit = fuzzyHit(plan, text)
    if (!hit) return -1
    total += (1 - hit.errors / plan.pattern.length) * FIELD_WEIGHTS[fieldAt(fields, hit.at)]
  }
  return (exact ? EXACT_TIER : 0) + total / plans.length
}
