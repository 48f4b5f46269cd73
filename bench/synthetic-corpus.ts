import type { SearchDoc } from '../src/types/content.ts'
import { seeded, type Random } from './random.ts'
import {
  CATEGORIES,
  CJK_TERMS,
  FILLERS,
  HANDLES,
  LATIN_NAMES,
  RARE_CJK_CHARS,
  RARE_LATIN_SYLLABLES,
  TITLE_TAILS,
} from './vocabulary.ts'

export interface Corpus {
  docs: SearchDoc[]
  /** Made-up names and terms that each appear in only a few items: labelled query targets. */
  rareLatin: string[]
  rareCjk: string[]
}

const ITEMS_PER_DIGEST = 11
const FOUR_HOURS = 4 * 3600_000
const START = Date.UTC(2026, 0, 1)

/**
 * Seed-shaped items: mixed Latin/Chinese titles, Chinese summaries of 150–300 characters with
 * Latin names and bold terms; one digest every four hours going back from 2026. The vocabulary
 * is small on purpose, so common words hit most items: close to the worst case for search.
 */
export function generateCorpus(items: number, seed = 20251222): Corpus {
  const random = seeded(seed)
  const rareLatin = Array.from({ length: 200 }, () => rareName(random))
  const rareCjk = Array.from({ length: 200 }, () => rareTerm(random))
  const docs: SearchDoc[] = []
  for (let n = 0; n < items; n++) {
    const digest = Math.floor(n / ITEMS_PER_DIGEST)
    const time = START - digest * FOUR_HOURS
    const digestId = `${new Date(time + 8 * 3600_000).toISOString().slice(0, 13).replace('T', '-')}`
    const terms: string[] = []
    const rare =
      random.next() < 0.08 ? random.pick(random.next() < 0.5 ? rareLatin : rareCjk) : null
    docs.push({
      id: `${digestId}-${n.toString(16).padStart(8, '0')}`,
      digestId,
      publisher: 'ai-4h',
      time,
      title: `${random.pick(LATIN_NAMES)} ${random.pick(CJK_TERMS)}${random.pick(TITLE_TAILS)}`,
      text: summary(random, terms, rare),
      terms,
      categories: [random.pick(CATEGORIES)],
      handle: random.pick(HANDLES),
      host: 'x.com',
    })
  }
  return { docs, rareLatin, rareCjk }
}

function summary(random: Random, terms: string[], rare: string | null): string {
  const target = 150 + random.int(151)
  let text = ''
  const rareAt = rare ? random.int(4) : -1
  for (let s = 0; text.length < target; s++) {
    const name = random.pick(LATIN_NAMES)
    const term = random.next() < 0.5 ? random.pick(CJK_TERMS) : random.pick(LATIN_NAMES)
    if (!terms.includes(term)) terms.push(term)
    const extra = s === rareAt && rare ? `，${rare}` : ''
    text += `${name}${random.pick(FILLERS)}${extra}；${term}${random.pick(FILLERS)}。`
  }
  if (rare && !text.includes(rare)) text += `${rare}。`
  return text
}

function rareName(random: Random): string {
  const word = Array.from({ length: 3 }, () => random.pick(RARE_LATIN_SYLLABLES)).join('')
  return word[0].toUpperCase() + word.slice(1)
}

function rareTerm(random: Random): string {
  return Array.from({ length: 4 }, () => random.pick([...RARE_CJK_CHARS])).join('')
}
