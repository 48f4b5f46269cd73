import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Aggregates, Chunk, DigestSummary, Head, MonthPage } from '../../src/types/content'
import type { SearchRoot } from '../../src/types/search-index'

/** A built app's compiled content, read from its files as the app would find them. */
export function readBuiltContent(outDir: string) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const headPath = /data-digest-head="([^"]+)"/.exec(html)![1]!
  const json = <T>(path: string) => JSON.parse(readFileSync(join(outDir, path), 'utf8')) as T
  const head = json<Head>(headPath)
  const data = <T>(file: string) => json<T>(`data/${file}`)
  /** Every digest summary, in feed order (newest day first). */
  const summaries: DigestSummary[] = head.months.flatMap((m) => data<MonthPage>(m.file).digests)
  return {
    head,
    summaries,
    chunk: (file: string) => data<Chunk>(file),
    digest: (summary: DigestSummary) =>
      data<Chunk>(summary.chunk).digests.find((d) => d.id === summary.id)!,
    aggregates: () => data<Aggregates>(head.aggregates),
    searchRoot: () => data<SearchRoot>(head.search),
  }
}
