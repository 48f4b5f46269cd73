/**
 * Compiled content for tests, built in memory by the real pipeline: the bundled seed, the seed
 * with extra digests, and an archive of two publishers. No React here, so the search engine's
 * tests (which load this through a computed import, see search-engine.test.ts) can use it too.
 */
import { readFile } from 'node:fs/promises'
import { compileContent, type CompiledContent } from '../pipeline/compile'
import { readContentDir } from '../pipeline/fs-content'
import { groupContent } from '../pipeline/publishers'

const SEED = 'ai-4h/2025/12/2025-12-22-04.md'

/**
 * Extra digests written from the seed, so the app has neighbours, several days and two months:
 * more than one feed page in December, one digest a month older (another chunk), and one at 00:30
 * Beijing time (still 21 December in UTC and most viewer zones), which the timeline must file
 * under 22 December.
 */
async function extraDigests(): Promise<{ path: string; text: string }[]> {
  const seed = await readFile(`content/digests/${SEED}`, 'utf8')
  const variant = (date: string, title: string, categories: string) =>
    seed
      .replace(/^date: .*$/m, `date: ${date}`)
      .replace(/^title: .*$/m, `title: "${title}"`)
      .replace(/^categories: .*$/m, `categories: ${categories}`)
  const december = [20, 16, 12, 8, 4].map((hour) => {
    const hh = String(hour).padStart(2, '0')
    return {
      path: `ai-4h/2025/12/2025-12-21-${hh}.md`,
      text: variant(`2025-12-21T${hh}:05:00+08:00`, `12月21日${hh}时摘要`, '["AI 发展"]'),
    }
  })
  return [
    {
      path: 'ai-4h/2025/12/2025-12-22-00.md',
      text: variant('2025-12-22T00:30:00+08:00', '凌晨摘要', '["模型应用"]'),
    },
    ...december,
    {
      path: 'ai-4h/2025/11/2025-11-30-20.md',
      text: variant('2025-11-30T20:05:00+08:00', '十一月摘要', '["行业洞察"]'),
    },
  ]
}

/**
 * A longer archive of the seed's text over three months, one digest a day at 12:05 Beijing time:
 * 14 in December (the seed and 9–21 December), then three each in November and October. A first
 * screen of rows, with the rows fetched ahead of it, stays within December.
 */
async function longArchiveDigests(): Promise<{ path: string; text: string }[]> {
  const seed = await readFile(`content/digests/${SEED}`, 'utf8')
  const days = [
    ...Array.from({ length: 13 }, (_, i) => `2025-12-${String(21 - i).padStart(2, '0')}`),
    ...['2025-11-28', '2025-11-20', '2025-11-10', '2025-10-30', '2025-10-15', '2025-10-01'],
  ]
  return days.map((day) => ({
    path: `ai-4h/${day.slice(0, 4)}/${day.slice(5, 7)}/${day}-12.md`,
    text: seed
      .replace(/^date: .*$/m, `date: ${day}T12:05:00+08:00`)
      .replace(/^title: .*$/m, `title: "${day} 摘要"`),
  }))
}

/**
 * A second publisher, "wire" (lenient), written for these tests: two daily digests a month and two
 * months before the seed's, one filed under a category the seed also uses, one whose items carry no
 * link at all (a bold phrase leads each).
 */
const WIRE_DIGESTS = [
  { path: 'wire/publisher.json', text: '{ "name": "电讯速递", "mode": "lenient" }\n' },
  {
    path: 'wire/2025/2025-10-15.md',
    text: [
      '---',
      'title: "电讯速递 10月15日"',
      'date: 2025-10-15',
      'categories: ["模型应用"]',
      '---',
      '',
      '1. [某实验室发布开源推理模型](https://wire.example/a)',
      '',
      '   一句话摘要：推理模型开源了。',
      '',
      '2. [一家初创公司完成融资](https://wire.example/b)',
      '',
      '   融资额未披露。',
      '',
    ].join('\n'),
  },
  {
    path: 'wire/2025/2025-09-30.md',
    text: [
      '---',
      'title: "电讯周报 第 39 周"',
      'date: 2025-09-30',
      '---',
      '',
      '- **本周没有链接的要闻**：这条只有文字，没有原文链接。',
      '- **另一条纯文字消息**：同样没有链接。',
      '',
    ].join('\n'),
  },
]

/** The bundled content's files as the compiler reads them (digests and publisher configs). */
async function bundledEntries(): Promise<{ path: string; text: string }[]> {
  const seed = await readContentDir('content/digests')
  return [
    ...seed.files.map((f) => ({ path: f.path, text: f.text })),
    {
      path: 'ai-4h/publisher.json',
      text: await readFile('content/digests/ai-4h/publisher.json', 'utf8'),
    },
  ]
}

/** Compiles files (path → text) in memory; throws with the diagnostics if they do not compile. */
export async function compileEntries(
  entries: { path: string; text: string }[],
): Promise<CompiledContent> {
  const result = await compileContent(groupContent(entries))
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.content
}

const cached = new Map<string, Promise<CompiledContent>>()
const once = (key: string, build: () => Promise<CompiledContent>) => {
  let content = cached.get(key)
  if (!content) cached.set(key, (content = build()))
  return content
}

/** The bundled seed digest alone. */
export const seedContent = () => once('seed', async () => compileEntries(await bundledEntries()))

/** The bundled seed plus the extra digests. */
export const testContent = () =>
  once('test', async () => compileEntries([...(await bundledEntries()), ...(await extraDigests())]))

/** The seed and the long archive's digests (20 in all, three months). */
export const longArchiveContent = () =>
  once('long', async () =>
    compileEntries([...(await bundledEntries()), ...(await longArchiveDigests())]),
  )

/** The test content above plus the "wire" publisher's digests: an archive of two publishers. */
export const twoPublisherContent = () =>
  once('two', async () =>
    compileEntries([...(await bundledEntries()), ...(await extraDigests()), ...WIRE_DIGESTS]),
  )
