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

/**
 * The known terms nearest to a query that found nothing: closest by edit distance relative to
 * length, then most frequent. Terms arrive folded with their original spelling and count.
 */
export function nearestTerms(
  query: string,
  terms: { folded: string; name: string; count: number }[],
  limit = 5,
): string[] {
  if (!query) return []
  const scored: { name: string; count: number; ratio: number }[] = []
  for (const term of terms) {
    if (Math.abs(term.folded.length - query.length) > Math.max(3, query.length / 2)) continue
    const ratio = distance(query, term.folded) / Math.max(query.length, term.folded.length)
    if (ratio <= 0.6) scored.push({ name: term.name, count: term.count, ratio })
  }
  scored.sort((a, b) => a.ratio - b.ratio || b.count - a.count)
  return scored.slice(0, limit).map((s) => s.name)
}
