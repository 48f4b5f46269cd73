import type { Chunk, Digest, MonthPage } from '../src/types/content.ts'
import type { CompiledContent } from './assemble.ts'

/**
 * Every digest of a compiled archive with its items, newest first (the timeline's order), read
 * back from the month pages and chunks the build has just made. One month's chunks are parsed
 * once each and dropped before the next month: memory stays at one month whatever the archive's
 * size, and the work is one parse of every chunk (linear).
 */
export function* digestsNewestFirst(content: CompiledContent): Generator<Digest> {
  const read = <T>(name: string): T => {
    const body = content.files.get(name)
    if (!body) throw new Error(`compiled content has no ${name}`)
    return JSON.parse(body.text()) as T
  }
  for (const month of content.head.months) {
    const page = read<MonthPage>(month.file)
    const chunks = new Map<string, Map<string, Digest>>()
    for (const summary of page.digests) {
      let chunk = chunks.get(summary.chunk)
      if (!chunk) {
        chunk = new Map(read<Chunk>(summary.chunk).digests.map((d) => [d.id, d]))
        chunks.set(summary.chunk, chunk)
      }
      const digest = chunk.get(summary.id)
      if (!digest) throw new Error(`${summary.chunk} has no digest ${summary.id}`)
      yield digest
    }
  }
}
