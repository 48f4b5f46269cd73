/** Field weights (title, terms, text): a word in the title or a bold term says more. */
export const FIELD_WEIGHTS = [3, 2.5, 1] as const

/** Scores at or above this have every word exact, so they sort above any fuzzy hit. */
export const EXACT_TIER = 1000
