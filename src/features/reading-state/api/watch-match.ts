import type { Item } from '@/types/content'
import { fold, hasCjk, isWordChar, queryWords } from '@/lib/search-text/normalize'
import type { Watch } from './watch-entries'

/**
 * Whether an item the page already holds matches a watched term the way the search engine's exact
 * tier does: every word of the term appears in the title, summary or terms, a Latin word at the
 * start of a word. Used for the timeline's badges, on items in memory only: the watch page asks
 * the search worker, and lists only its exact hits, so both agree (decision 050).
 */
export function matchesTerm(
  words: string[],
  item: Pick<Item, 'title' | 'text' | 'terms'>,
): boolean {
  if (words.length === 0) return false
  const text = fold(`${item.title}\n${item.text}\n${item.terms.join('\n')}`)
  return words.every((word) => {
    if (hasCjk(word)) return text.includes(word)
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
      if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) return true
    return false
  })
}

/** The watches whose term an item of a digest published at `time` matches, and is new for. */
export function watchesMatching(
  watches: { watch: Watch; words: string[] }[],
  item: Pick<Item, 'title' | 'text' | 'terms'>,
  time: number,
): Watch[] {
  return watches
    .filter((w) => time > w.watch.seenThrough && matchesTerm(w.words, item))
    .map((w) => w.watch)
}

/** Each watch with its folded words, computed once per list rather than once per item. */
export function prepareWatches(watches: Watch[]): { watch: Watch; words: string[] }[] {
  return watches.map((watch) => ({ watch, words: queryWords(watch.term) }))
}
