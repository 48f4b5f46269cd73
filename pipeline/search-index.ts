import { CONTENT_SCHEMA_VERSION, type Digest } from '../src/types/content.ts'
import type {
  SearchRoot,
  SegmentDocs,
  SegmentEntry,
  SegmentTerms,
  TextShard,
  Vocab,
} from '../src/types/search-index.ts'
import { fold } from '../src/lib/search-text/normalize.ts'
import {
  CLASS,
  FIELD_BASE,
  FIELD_BIT,
  FIELD_LIMIT,
  GRAM_PREFIX,
  gramsOf,
  OTHER,
  shardOf,
  SKIP,
  TEXT_SHARD_DOCS,
  WORD,
} from '../src/lib/search-text/units.ts'
import { checkOutput, type OutputKind } from './check-output.ts'
import { shortHash, shortHashOfParts } from './ids.ts'

/** About this many bytes of postings JSON per shard (≈ a third of it gzip). */
export const SHARD_TARGET_BYTES = 24 * 1024

export interface BuiltSegment {
  entry: SegmentEntry
  /** Paths relative to the data directory → JSON text. */
  files: Map<string, string>
}

/**
 * The segment a digest's items are indexed in. Finished years are one segment each; the newest
 * year is cut in two, its newest month apart, so that a new digest (every four hours) rebuilds a
 * month's worth of index, not a year's. When a month begins, the rest of its year is rebuilt once.
 * `newestMonth` is the archive's newest `YYYY-MM`: the keys depend on the digests alone.
 */
export function segmentKeyOf(digest: Pick<Digest, 'date'>, newestMonth: string): string {
  const month = digest.date.slice(0, 7)
  const year = digest.date.slice(0, 4)
  if (year !== newestMonth.slice(0, 4)) return year
  return month === newestMonth ? month : year
}

/** The root file listing segments; named by its own hash. */
export function searchRootFile(segments: SegmentEntry[], contentHash: string) {
  const root: SearchRoot = { schemaVersion: CONTENT_SCHEMA_VERSION, contentHash, segments }
  const json = JSON.stringify(root)
  return { name: `search/root.${shortHash(json, 10)}.json`, json, root }
}

/** Builds one segment: doc table, vocabulary, terms, postings shards and text shards. */
export function buildSegment(key: string, digests: Digest[]): BuiltSegment {
  const table = new UnitTable()
  const categories = new Interner()
  const sources = new Interner()
  const terms = new Map<string, { name: string; count: number }>()
  const docs: SegmentDocs = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    key,
    categories: [],
    sources: [],
    digests: [],
    docSources: [],
  }
  const texts: TextShard['docs'] = []

  let doc = 0
  for (const digest of digests) {
    docs.digests.push({
      id: digest.id,
      title: digest.title,
      date: digest.date,
      time: digest.time,
      offsetMinutes: digest.offsetMinutes,
      publisher: digest.publisher,
      categories: digest.categories.map((c) => categories.id(c)),
      items: digest.items.length,
    })
    for (const item of digest.items) {
      const source = item.source?.handle ? `@${item.source.handle}` : item.source?.host
      docs.docSources.push(source === undefined ? -1 : sources.id(source))
      texts.push({
        id: item.id,
        title: item.title,
        ...(item.url && { url: item.url }),
        text: item.text,
        terms: item.terms,
        ...(item.source?.handle && { handle: item.source.handle }),
        ...(item.source?.host && { host: item.source.host }),
      })
      countTerms(terms, item.terms)
      table.addDoc(doc, [item.title, item.terms.join('\n'), item.text])
      doc++
    }
  }
  docs.categories = categories.list
  docs.sources = sources.list

  const files = new Map<string, string>()
  files.set('docs.json', JSON.stringify(docs))
  const { df } = table
  const tokens = [...df.keys()].sort()
  const vocab: Vocab = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    tokens,
    df: tokens.map((t) => df.get(t)!),
  }
  files.set('vocab.json', JSON.stringify(vocab))
  const termList: SegmentTerms = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    terms: [...terms.values()]
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
      .map((t) => [t.name, t.count]),
  }
  files.set('terms.json', JSON.stringify(termList))
  const shardCount = writeShards(table, files)
  for (let t = 0; t * TEXT_SHARD_DOCS < texts.length; t++) {
    const shard: TextShard = {
      schemaVersion: CONTENT_SCHEMA_VERSION,
      docs: texts.slice(t * TEXT_SHARD_DOCS, (t + 1) * TEXT_SHARD_DOCS),
    }
    files.set(`t${t}.json`, JSON.stringify(shard))
  }

  // Postings are checked as built (writeShards): parsing 40 MB of numbers back to check them again
  // was a tenth of a year's compile, and numbers read back from JSON are the numbers written.
  for (const [name, json] of files) if (!name.startsWith('p')) checkOutput(kindOf(name), json)
  // The folder is named by every file in it: a segment that did not change keeps its URLs.
  const names = [...files.keys()].sort()
  const hash = shortHashOfParts(joinedParts(names, files), 10)
  const dir = `search/${key}.${hash}`
  const out = new Map<string, string>()
  for (const name of names) out.set(`${dir}/${name}`, files.get(name)!)
  return {
    entry: {
      key,
      dir,
      docCount: doc,
      shardCount,
      textCount: Math.ceil(texts.length / TEXT_SHARD_DOCS),
    },
    files: out,
  }
}

/** `name\ntext` of each file, joined by newlines, as parts (the same bytes, never one string). */
function* joinedParts(names: string[], files: Map<string, string>): Iterable<string> {
  for (let i = 0; i < names.length; i++) {
    yield `${i ? '\n' : ''}${names[i]}\n`
    yield files.get(names[i]!)!
  }
}

function kindOf(name: string): OutputKind {
  if (name === 'docs.json') return 'segment docs'
  if (name === 'vocab.json') return 'vocabulary'
  if (name === 'terms.json') return 'segment terms'
  return 'text shard'
}

/**
 * Every unit of a segment with its postings list, built doc by doc. Units are numbered as first
 * seen; a doc's positions gather per unit in scratch lists reused across docs (a Map per doc was
 * most of the build's time and garbage), and each Latin word's grams are worked out once.
 */
class UnitTable {
  private ids = new Map<string, number>()
  readonly units: string[] = []
  readonly postings: number[][] = []
  private lastDoc: number[] = []
  /** Per unit in the current doc: where its count sits in its list (-1: not in this doc yet). */
  private countAt: number[] = []
  private lastPos: number[] = []
  private gramMask: number[] = []
  private touched: number[] = []
  private touchedGrams: number[] = []
  private gramsOfToken = new Map<number, number[]>()
  /** Unit id of each single character by its code (-1: none yet): no Map lookup per character. */
  private charIds = new Int32Array(65536).fill(-1)
  /** Per token id, the last doc and field whose grams were marked: once per token and field. */
  private tokenSeen: number[] = []
  readonly df = new Map<string, number>()

  private id(unit: string): number {
    let id = this.ids.get(unit)
    if (id === undefined) {
      id = this.units.length
      this.ids.set(unit, id)
      this.units.push(unit)
      this.postings.push([])
      this.lastDoc.push(0)
      this.countAt.push(-1)
      this.lastPos.push(0)
      this.gramMask.push(0)
      this.tokenSeen.push(0)
    }
    return id
  }

  private charId(code: number): number {
    let id = this.charIds[code]!
    if (id < 0) this.charIds[code] = id = this.id(String.fromCharCode(code))
    return id
  }

  /**
   * One position of a unit in doc `doc`: written straight into its postings list (the doc's entry
   * opens with its delta and a count that is filled in as positions arrive).
   */
  private at(id: number, doc: number, position: number): void {
    const list = this.postings[id]!
    let count = this.countAt[id]!
    if (count < 0) {
      list.push(doc - this.lastDoc[id]!, 0, position)
      this.countAt[id] = count = list.length - 2
      this.lastDoc[id] = doc
      this.touched.push(id)
    } else list.push(position - this.lastPos[id]!)
    list[count]!++
    this.lastPos[id] = position
  }

  private grams(tokenId: number, token: string): number[] {
    let ids = this.gramsOfToken.get(tokenId)
    if (!ids) {
      ids = [...new Set(gramsOf(token).map((g) => this.id(GRAM_PREFIX + g)))]
      this.gramsOfToken.set(tokenId, ids)
    }
    return ids
  }

  /** Adds one doc's fields (title, terms, text); docs must come in increasing order. */
  addDoc(doc: number, fields: string[]): void {
    const docTokens: number[] = []
    for (let field = 0; field < 3; field++) {
      const text = fold(fields[field]!)
      const base = FIELD_BASE[field]!
      const end = field < 2 ? Math.min(text.length, FIELD_LIMIT) : text.length
      const bit = FIELD_BIT[field as 0 | 1 | 2]
      // doc × 4 + field + 1: a token's grams are marked once per doc and field, not per use.
      const stamp = doc * 4 + field + 1
      let start = -1
      // The same cut as visitUnits (src/lib/search-text/units.ts), inlined: it runs per character.
      for (let i = 0; i <= end; i++) {
        const kind = i < end ? CLASS[text.charCodeAt(i)]! : SKIP
        if (kind === WORD) {
          if (start < 0) start = i
          continue
        }
        if (start >= 0) {
          const token = text.slice(start, i)
          const id = this.id(token)
          this.at(id, doc, base + start)
          if (this.tokenSeen[id] !== stamp) {
            if (this.tokenSeen[id]! <= doc * 4) docTokens.push(id)
            this.tokenSeen[id] = stamp
            for (const gram of this.grams(id, token)) {
              if (this.gramMask[gram] === 0) this.touchedGrams.push(gram)
              this.gramMask[gram]! |= bit
            }
          }
          start = -1
        }
        if (kind === OTHER) this.at(this.charId(text.charCodeAt(i)), doc, base + i)
      }
    }
    for (const id of this.touched) this.countAt[id] = -1
    for (const id of this.touchedGrams) {
      this.postings[id]!.push(doc - this.lastDoc[id]!, this.gramMask[id]!)
      this.lastDoc[id] = doc
      this.gramMask[id] = 0
    }
    this.touched.length = 0
    this.touchedGrams.length = 0
    // Latin words go into the vocabulary (with how many items hold each); characters need none.
    for (const id of docTokens) {
      const token = this.units[id]!
      this.df.set(token, (this.df.get(token) ?? 0) + 1)
    }
  }
}

/** Groups units into shards of about SHARD_TARGET_BYTES; returns how many. */
function writeShards(table: UnitTable, files: Map<string, string>): number {
  const encoded = new Map<string, string>()
  let total = 0
  for (let id = 0; id < table.units.length; id++) {
    const unit = table.units[id]!
    const list = table.postings[id]!
    for (const n of list) {
      if (!Number.isSafeInteger(n) || n < 0)
        throw new Error(`compiler bug: postings of "${unit}" hold ${n}`)
    }
    const json = `${JSON.stringify(unit)}:${JSON.stringify(list)}`
    encoded.set(unit, json)
    total += json.length
  }
  const shardCount = Math.max(1, Math.ceil(total / SHARD_TARGET_BYTES))
  const shards: string[][] = Array.from({ length: shardCount }, () => [])
  for (const unit of [...encoded.keys()].sort()) {
    shards[shardOf(unit, shardCount)]!.push(encoded.get(unit)!)
  }
  shards.forEach((entries, n) => {
    files.set(
      `p${n}.json`,
      `{"schemaVersion":${CONTENT_SCHEMA_VERSION},"units":{${entries.join(',')}}}`,
    )
  })
  return shardCount
}

function countTerms(terms: Map<string, { name: string; count: number }>, itemTerms: string[]) {
  const seen = new Set<string>()
  for (const term of itemTerms) {
    const key = fold(term)
    if (seen.has(key)) continue
    seen.add(key)
    const entry = terms.get(key)
    if (entry) entry.count++
    else terms.set(key, { name: term, count: 1 })
  }
}

/** Strings → dense ids in first-seen order. */
class Interner {
  readonly list: string[] = []
  private ids = new Map<string, number>()
  id(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.list.length
      this.ids.set(value, id)
      this.list.push(value)
    }
    return id
  }
}
