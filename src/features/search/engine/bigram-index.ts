/**
 * Character-bigram inverted index over every item's folded fields: bigram → sorted item numbers,
 * stored as one flat Int32Array (CSR) so a year of archive costs a few MB and builds in one pass.
 * Bigrams serve both scripts: CJK has no spaces to split on, and Latin typos keep most bigrams.
 */
export interface BigramIndex {
  docCount: number
  slots: BigramTable
  offsets: Int32Array
  postings: Int32Array
}

// Two UTF-16 units packed in 32 bits (signed, which is fine for a key).
const keyOf = (text: string, i: number) => (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)

/**
 * Bigram → slot number, open addressing over typed arrays: a Map of numbers was the bottleneck
 * of the build (about a quarter of a microsecond per character).
 */
export class BigramTable {
  private keys = new Int32Array(1 << 12)
  private values = new Int32Array(1 << 12) // slot + 1; 0 = empty
  size = 0

  get(key: number): number {
    const mask = this.keys.length - 1
    for (let h = hash(key) & mask; ; h = (h + 1) & mask) {
      const v = this.values[h]
      if (v === 0) return -1
      if (this.keys[h] === key) return v - 1
    }
  }

  /** The key's slot, adding it with the next slot number when new. */
  add(key: number): number {
    if (this.size * 2 >= this.keys.length) this.rehash()
    const mask = this.keys.length - 1
    for (let h = hash(key) & mask; ; h = (h + 1) & mask) {
      const v = this.values[h]
      if (v === 0) {
        this.keys[h] = key
        this.values[h] = ++this.size
        return this.size - 1
      }
      if (this.keys[h] === key) return v - 1
    }
  }

  get byteLength(): number {
    return this.keys.byteLength + this.values.byteLength
  }

  private rehash(): void {
    const { keys, values } = this
    this.keys = new Int32Array(keys.length * 2)
    this.values = new Int32Array(keys.length * 2)
    const mask = this.keys.length - 1
    for (let i = 0; i < keys.length; i++) {
      if (values[i] === 0) continue
      let h = hash(keys[i]) & mask
      while (this.values[h] !== 0) h = (h + 1) & mask
      this.keys[h] = keys[i]
      this.values[h] = values[i]
    }
  }
}

function hash(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x45d9f3b)
  return (h ^ (h >>> 16)) >>> 0
}

/** Builds the index; `textOf(n)` returns the folded, joined fields of item n. */
export function buildBigramIndex(docCount: number, textOf: (n: number) => string): BigramIndex {
  const slots = new BigramTable()
  let lastDoc: Int32Array = new Int32Array(1 << 12).fill(-1)
  let counts: Int32Array = new Int32Array(1 << 12)
  let pairs: Int32Array = new Int32Array(1 << 20)
  let pairCount = 0
  const docEnds = new Int32Array(docCount)
  for (let d = 0; d < docCount; d++) {
    const text = textOf(d)
    {
      for (let i = 0; i + 1 < text.length; i++) {
        // Separators and line breaks between fields never belong to a query bigram.
        if (text.charCodeAt(i) < 32 || text.charCodeAt(i + 1) < 32) continue
        const slot = slots.add(keyOf(text, i))
        if (slot >= lastDoc.length) {
          lastDoc = grow(lastDoc, -1)
          counts = grow(counts, 0)
        }
        if (lastDoc[slot] === d) continue
        lastDoc[slot] = d
        counts[slot]++
        if (pairCount === pairs.length) pairs = grow(pairs, 0)
        pairs[pairCount++] = slot
      }
    }
    docEnds[d] = pairCount
  }
  const offsets = new Int32Array(slots.size + 1)
  for (let s = 0; s < slots.size; s++) offsets[s + 1] = offsets[s] + counts[s]
  const cursor = offsets.slice(0, slots.size)
  const postings = new Int32Array(pairCount)
  let p = 0
  for (let d = 0; d < docCount; d++) {
    for (; p < docEnds[d]; p++) postings[cursor[pairs[p]]++] = d
  }
  return { docCount, slots, offsets, postings }
}

function grow(array: Int32Array, fill: number): Int32Array {
  const next = new Int32Array(array.length * 2).fill(fill)
  next.set(array)
  return next
}

/** Items containing the bigram at text[i, i+2), or an empty list. */
export function postingsOf(index: BigramIndex, text: string, i: number): Int32Array {
  const slot = index.slots.get(keyOf(text, i))
  if (slot < 0) return EMPTY
  return index.postings.subarray(index.offsets[slot], index.offsets[slot + 1])
}

const EMPTY = new Int32Array(0)

/** Bytes the index occupies in memory (typed arrays plus an estimate for the slot map). */
export function indexBytes(index: BigramIndex): number {
  return index.postings.byteLength + index.offsets.byteLength + index.slots.byteLength
}

/** Items containing every bigram of `piece` (length ≥ 2): the shortest list, intersected. */
export function itemsWithAllBigrams(index: BigramIndex, piece: string): Int32Array {
  const lists: Int32Array[] = []
  for (let i = 0; i + 1 < piece.length; i++) lists.push(postingsOf(index, piece, i))
  lists.sort((a, b) => a.length - b.length)
  let result = lists[0] ?? EMPTY
  for (let l = 1; l < lists.length && result.length > 0; l++) result = intersect(result, lists[l])
  return result
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length))
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out[n++] = a[i]
      i++
      j++
    } else if (a[i] < b[j]) i++
    else j++
  }
  return out.subarray(0, n)
}
