/** Plain Levenshtein distance, for comparing a query with short terms. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
    }
    prev = row
  }
  return prev[b.length]
}

interface Term {
  folded: string
  name: string
  count: number
}

/**
 * How far `word` is from a term, relative to length: the whole term, or its nearest word when the
 * term has several ("karpathyy" is one letter from the "Karpathy" of "Andrej Karpathy").
 */
function ratioTo(word: string, term: Term): number {
  const parts = term.folded.includes(' ')
    ? [term.folded, ...term.folded.split(/\s+/)]
    : [term.folded]
  let best = Infinity
  for (const part of parts) {
    if (!part || Math.abs(part.length - word.length) > Math.max(3, word.length / 2)) continue
    best = Math.min(best, distance(word, part) / Math.max(word.length, part.length))
  }
  return best
}

/**
 * The known terms nearest to a query that found nothing: closest by edit distance relative to
 * length, then most frequent. Terms arrive folded with their original spelling and count.
 */
export function nearestTerms(query: string, terms: Term[], limit = 5): string[] {
  if (!query) return []
  const scored: { name: string; count: number; ratio: number }[] = []
  for (const term of terms) {
    const ratio = ratioTo(query, term)
    if (ratio <= 0.6) scored.push({ name: term.name, count: term.count, ratio })
  }
  scored.sort((a, b) => a.ratio - b.ratio || b.count - a.count)
  return scored.slice(0, limit).map((s) => s.name)
}

/**
 * Suggestions for a query that found nothing: the whole query's nearest terms, then each word's,
 * words that match nothing on their own first (they are the likely typos). A word that finds items
 * on its own but is near no term is offered as it is, so "Karpathyy Redis" (two words that never
 * meet in one item) still offers a way on: each word by itself.
 */
export function suggestFor(
  words: { folded: string; text: string }[],
  terms: Term[],
  matchesAlone: (folded: string) => boolean,
  limit = 8,
): string[] {
  if (words.length === 0) return []
  const lists = [nearestTerms(words.map((w) => w.folded).join(' '), terms)]
  if (words.length > 1) {
    const alone = new Map(words.map((w) => [w.folded, matchesAlone(w.folded)]))
    const order = [...words].sort(
      (a, b) => Number(alone.get(a.folded)) - Number(alone.get(b.folded)),
    )
    for (const word of order) {
      const near = nearestTerms(word.folded, terms, 3)
      lists.push(near.length === 0 && alone.get(word.folded) ? [word.text] : near)
    }
  }
  return [...new Set(lists.flat())].slice(0, limit)
}
