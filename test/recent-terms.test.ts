import { expect, test } from 'vitest'
import { aggregatesOf, digestsOf } from '../pipeline/test-support'
import { compileEntries, seedContent } from './content-fixtures'
import { readFile } from 'node:fs/promises'

// Was an engine test ("the empty query offers recent terms, looking past newest items that have
// none"): the empty search page now takes its recent terms from the compiled aggregates.
test('recent terms look past the newest items when those have no terms', async () => {
  const bare = Array.from({ length: 30 }, (_, n) => {
    const day = 23 + Math.floor(n / 6)
    const hour = String((n % 6) * 4).padStart(2, '0')
    return {
      path: `ai-4h/2025/12/2025-12-${day}-${hour}.md`,
      text: [
        '---',
        `title: "无术语 ${n}"`,
        `date: 2025-12-${day}T${hour}:05:00+08:00`,
        '---',
        '',
        `1. [一条没有加粗的消息 ${n}](https://example.com/bare/${n})`,
        '',
        '   这里没有任何加粗的术语。',
        '',
      ].join('\n'),
    }
  })
  const seed = await readFile('content/digests/ai-4h/2025/12/2025-12-22-04.md', 'utf8')
  const config = await readFile('content/digests/ai-4h/publisher.json', 'utf8')
  const content = await compileEntries([
    { path: 'ai-4h/publisher.json', text: config },
    { path: 'ai-4h/2025/12/2025-12-22-04.md', text: seed },
    ...bare,
  ])
  // The 30 newest digests name no terms; the seed, older than all of them, does.
  const digests = digestsOf(content)
  expect(digests.slice(0, 30).every((d) => d.items.every((i) => i.terms.length === 0))).toBe(true)
  const seedTerms = digests.at(-1)!.items.flatMap((i) => i.terms)
  const { recentTerms, recentTermsByPublisher } = aggregatesOf(content)
  expect(recentTerms.length).toBeGreaterThan(0)
  expect(seedTerms).toEqual(expect.arrayContaining(recentTerms))
  // The same as the seed compiled alone: the bare digests add nothing and hide nothing.
  expect(recentTerms).toEqual(aggregatesOf(await seedContent()).recentTerms)
  expect(recentTermsByPublisher['ai-4h']).toEqual(recentTerms)
})
