/**
 * A seeded synthetic archive as markdown: one strict digest every four hours, shaped like the
 * seed, written to a temp folder for benchmarks (never content: it is made-up text). Its items are
 * the search corpus's (`generateCorpus`), so the labelled bench queries find their targets here too.
 *
 * `npx tsx bench/synthetic-archive.ts --digests 2190 --out /tmp/year` writes one from the shell.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import type { SearchDoc } from '../src/types/content.ts'
import { seeded } from './random.ts'
import { generateCorpus, type Corpus } from './synthetic-corpus.ts'
import { CATEGORIES } from './vocabulary.ts'

/** A digest every four hours: 6 a day, 2,190 a year. */
export const DIGESTS_PER_YEAR = 2190
export const ITEMS_PER_DIGEST = 11

/** The sizes every benchmark measures (1 digest is the bundled seed itself). */
export const ARCHIVE_SIZES = {
  year: DIGESTS_PER_YEAR,
  '3 years': 3 * DIGESTS_PER_YEAR,
} as const

const PUBLISHER = {
  name: '过去4小时全球AI',
  default: true,
  mode: 'strict',
  timeZone: 'Asia/Shanghai',
}

export interface SyntheticArchive {
  root: string
  digests: number
  corpus: Corpus
  /** Path (relative to root) of every digest file, newest first. */
  files: string[]
}

/** Writes `digests` digests (newest first from 2026-01-01) under `root/ai-4h/YYYY/MM/`. */
export function writeSyntheticArchive(root: string, digests: number, seed = 20251222) {
  const corpus = generateCorpus(digests * ITEMS_PER_DIGEST, seed)
  const random = seeded(seed + 1)
  mkdirSync(join(root, 'ai-4h'), { recursive: true })
  writeFileSync(join(root, 'ai-4h', 'publisher.json'), JSON.stringify(PUBLISHER, null, 2))
  const files: string[] = []
  for (let d = 0; d < digests; d++) {
    const items = corpus.docs.slice(d * ITEMS_PER_DIGEST, (d + 1) * ITEMS_PER_DIGEST)
    const file = digestPath(items[0]!.time)
    mkdirSync(join(root, file, '..'), { recursive: true })
    writeFileSync(join(root, file), digestMarkdown(items, d, random))
    files.push(file)
  }
  return { root, digests, corpus, files } satisfies SyntheticArchive
}

/** Shanghai wall-clock parts of an epoch time (the archive's own offset, +08:00). */
function local(time: number) {
  const iso = new Date(time + 8 * 3600_000).toISOString()
  return { y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10), h: iso.slice(11, 13) }
}

function digestPath(time: number): string {
  const { y, m, d, h } = local(time)
  return `ai-4h/${y}/${m}/${y}-${m}-${d}-${h}.md`
}

/** One digest file; the first bold of each term, and x.com status links unique per item. */
function digestMarkdown(items: SearchDoc[], index: number, random: ReturnType<typeof seeded>) {
  const { y, m, d, h } = local(items[0]!.time)
  const categories = [...new Set([random.pick(CATEGORIES), random.pick(CATEGORIES)])]
  const head = [
    '---',
    `title: "${y}.${m}.${d}.${h} 过去4小时全球AI发生了什么？"`,
    `date: ${y}-${m}-${d}T${h}:0${random.int(10)}:00+08:00`,
    `categories: [${categories.map((c) => `"${c}"`).join(', ')}]`,
    '---',
    '',
  ]
  const body = items.map((item, i) => {
    const status = 1_900_000_000_000_000_000n + BigInt(index * ITEMS_PER_DIGEST + i)
    return [
      `${i + 1}.  [${item.title}](https://x.com/${item.handle}/status/${status})`,
      '',
      `    ${boldTerms(item.text, item.terms)}`,
      '',
    ].join('\n')
  })
  return [...head, ...body].join('\n')
}

/** Marks each term's first occurrence bold, as the publisher does for key topics. */
function boldTerms(text: string, terms: string[]): string {
  let out = text
  for (const term of terms) {
    const at = out.indexOf(term)
    // Skip a term inside an earlier bold run: nested `**` would not parse as the publisher means.
    if (at < 0 || out.slice(0, at).split('**').length % 2 === 0) continue
    out = `${out.slice(0, at)}**${term}**${out.slice(at + term.length)}`
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      digests: { type: 'string', default: String(DIGESTS_PER_YEAR) },
      out: { type: 'string' },
    },
  })
  if (!values.out) throw new Error('usage: tsx bench/synthetic-archive.ts --digests N --out DIR')
  const archive = writeSyntheticArchive(values.out, Number(values.digests))
  console.log(`wrote ${archive.digests} digests to ${archive.root}`)
}
