/**
 * `npx tsx pipeline/ids-snapshot.ts --from OUT_DIR [--publishers a,b]`: prints, per publisher, each
 * digest id with the hashes of its item ids (the part after the digest id), read from a compiled output
 * folder (`npm run content -- --out OUT_DIR`). Committed as `test/fixtures/corpora-ids.json` from a
 * build of the reader before a change, it lets `pipeline/corpora.test.ts` show that digest and item
 * ids stayed the same. Reading output (not calling the compiler) means any older commit's CLI can
 * produce the baseline.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

/** Publisher → digest id → its item ids without the digest id, sorted, joined by spaces. */
export type IdSnapshot = Record<string, Record<string, string>>

interface DigestIds {
  id: string
  publisher: string
  items: { id: string }[]
}

/** The snapshot of a list of compiled digests, publishers and digest ids in sorted order. */
export function snapshotOf(digests: DigestIds[], publishers?: string[]): IdSnapshot {
  const out: IdSnapshot = {}
  const sorted = [...digests].sort((a, b) => a.id.localeCompare(b.id))
  for (const d of sorted) {
    if (publishers && !publishers.includes(d.publisher)) continue
    const hashes = d.items.map((i) => i.id.slice(d.id.length + 1)).sort()
    ;(out[d.publisher] ??= {})[d.id] = hashes.join(' ')
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

export interface IdChange {
  publisher: string
  digest: string
  /** The digest is gone (`lost`), new (`added`) or kept with other items (`items`). */
  change: 'lost' | 'added' | 'items'
  /** Item ids (without the digest id) no longer there, and new ones. */
  lostItems: string[]
  addedItems: string[]
}

/** What changed between two snapshots, for the publishers in `before`. */
export function compareSnapshots(before: IdSnapshot, after: IdSnapshot): IdChange[] {
  const changes: IdChange[] = []
  const split = (list: string | undefined) => (list ? list.split(' ') : [])
  for (const [publisher, digests] of Object.entries(before)) {
    const now = after[publisher] ?? {}
    for (const digest of [...new Set([...Object.keys(digests), ...Object.keys(now)])].sort()) {
      if (digests[digest] === now[digest]) continue
      const old = split(digests[digest])
      const current = split(now[digest])
      const change = !(digest in now) ? 'lost' : !(digest in digests) ? 'added' : 'items'
      changes.push({
        publisher,
        digest,
        change,
        lostItems: old.filter((id) => !current.includes(id)),
        addedItems: current.filter((id) => !old.includes(id)),
      })
    }
  }
  return changes
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, publishers: { type: 'string' } },
  })
  if (!values.from) {
    console.error('usage: npx tsx pipeline/ids-snapshot.ts --from OUT_DIR [--publishers a,b]')
    process.exit(2)
  }
  const dir = resolve(values.from)
  // Every chunk of a compiled output (`npm run content -- --out DIR`).
  const names = (await readdir(join(dir, 'chunks'))).map((n) => `chunks/${n}`)
  const digests: DigestIds[] = []
  for (const file of names.sort()) {
    const chunk = JSON.parse(await readFile(join(dir, file), 'utf8')) as { digests: DigestIds[] }
    digests.push(...chunk.digests)
  }
  const publishers = values.publishers?.split(',').filter(Boolean)
  console.log(JSON.stringify(snapshotOf(digests, publishers), null, 2))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
