import type * as v from 'valibot'
import {
  postingsShardSchema,
  segmentDocsSchema,
  segmentTermsSchema,
  textShardSchema,
  vocabSchema,
  type SegmentDocs,
  type SegmentEntry,
  type SegmentTerms,
  type TextDoc,
  type Vocab,
} from '@/types/search-index'
import { segmentFiles } from '@/lib/archive/archive-files'
import {
  decodeGram,
  decodeUnit,
  NO_GRAMS,
  NO_POSTINGS,
  type GramPostings,
  type UnitPostings,
} from './postings'
import { GRAM_PREFIX, shardOf, TEXT_SHARD_DOCS } from '@/lib/search-text/units'

/** Fetches and validates one data file (relative to the data folder). */
export type Loader = <T>(file: string, schema: v.GenericSchema<unknown, T>) => Promise<T>

/** A segment's doc table with what the engine derives from it once. */
export interface DocTable extends SegmentDocs {
  /** Per doc, the index of its digest in `digests`. */
  digestOf: Int32Array
  /** Per digest, the local date `YYYY-MM-DD` (for the date filters). */
  dates: string[]
}

/**
 * One segment of the index, fetched piece by piece and kept: each file is asked for once (the
 * promise is cached; a failed one is forgotten so a retry fetches again), each unit's postings
 * decoded once.
 */
export class SegmentSource {
  private files = new Map<string, Promise<unknown>>()
  private units = new Map<string, Promise<UnitPostings>>()
  private grams = new Map<string, Promise<GramPostings>>()

  constructor(
    readonly entry: SegmentEntry,
    private readonly load: Loader,
  ) {}

  private file<T>(file: string, schema: v.GenericSchema<unknown, T>): Promise<T> {
    let promise = this.files.get(file) as Promise<T> | undefined
    if (!promise) {
      promise = this.load(file, schema)
      promise.catch(() => this.files.delete(file))
      this.files.set(file, promise)
    }
    return promise
  }

  /** The doc table, with each doc's digest worked out. */
  docs(): Promise<DocTable> {
    return this.file(segmentFiles.docs(this.entry), segmentDocsSchema).then((docs) => {
      const cached = docs as DocTable
      if (!cached.digestOf) {
        const digestOf = new Int32Array(this.entry.docCount)
        let d = 0
        docs.digests.forEach((digest, index) => {
          for (let i = 0; i < digest.items && d < digestOf.length; i++) digestOf[d++] = index
        })
        cached.digestOf = digestOf
        cached.dates = docs.digests.map((digest) => digest.date.slice(0, 10))
      }
      return cached
    })
  }

  vocab(): Promise<Vocab> {
    return this.file(segmentFiles.vocab(this.entry), vocabSchema)
  }

  terms(): Promise<SegmentTerms> {
    return this.file(segmentFiles.terms(this.entry), segmentTermsSchema)
  }

  private shard(unit: string) {
    return this.file(
      segmentFiles.postings(this.entry, shardOf(unit, this.entry.shardCount)),
      postingsShardSchema,
    )
  }

  /** Positions of a Latin word or a character in every doc holding it. */
  unit(unit: string): Promise<UnitPostings> {
    let promise = this.units.get(unit)
    if (!promise) {
      promise = this.shard(unit).then((shard) => {
        const flat = shard.units[unit]
        return flat ? decodeUnit(flat, this.entry.docCount) : NO_POSTINGS
      })
      promise.catch(() => this.units.delete(unit))
      this.units.set(unit, promise)
    }
    return promise
  }

  /** Docs holding a one- or two-character Latin gram, with the fields it is in. */
  gram(gram: string): Promise<GramPostings> {
    const key = GRAM_PREFIX + gram
    let promise = this.grams.get(key)
    if (!promise) {
      promise = this.shard(key).then((shard) => {
        const flat = shard.units[key]
        return flat ? decodeGram(flat, this.entry.docCount) : NO_GRAMS
      })
      promise.catch(() => this.grams.delete(key))
      this.grams.set(key, promise)
    }
    return promise
  }

  /** The text of one doc (title, summary, terms, link), from its text shard. */
  async text(doc: number): Promise<TextDoc> {
    const shard = await this.file(
      segmentFiles.text(this.entry, Math.floor(doc / TEXT_SHARD_DOCS)),
      textShardSchema,
    )
    const text = shard.docs[doc % TEXT_SHARD_DOCS]
    if (!text) throw new Error(`text shard of ${this.entry.key} lacks doc ${doc}`)
    return text
  }
}
