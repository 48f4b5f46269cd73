import { readFile } from 'node:fs/promises'
import { configure, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { vi } from 'vitest'
import { compileContent, type CompiledContent } from '../pipeline/compile'
import { readContentDir } from '../pipeline/fs-content'
import { groupContent } from '../pipeline/publishers'
import { headFile } from './virtual-digest-content'
import { createQueryClient } from '@/lib/query-client'
import { AppProviders } from '@/app/provider'
import { appRoutes } from '@/app/router'

const SEED = 'ai-4h/2025/12/2025-12-22-04.md'

// Whole-app renders in jsdom on a shared two-core machine can take more than the 1 s default.
configure({ asyncUtilTimeout: 5000 })
vi.setConfig({ testTimeout: 30_000 })

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

let compiled: Promise<CompiledContent> | undefined

/** The bundled seed plus the extra digests, compiled in memory by the real pipeline. */
export function testContent(): Promise<CompiledContent> {
  compiled ??= (async () => {
    const seed = await readContentDir('content/digests')
    const extra = await extraDigests()
    const entries = [
      ...seed.files.map((f) => ({ path: f.path, text: f.text })),
      {
        path: 'ai-4h/publisher.json',
        text: await readFile('content/digests/ai-4h/publisher.json', 'utf8'),
      },
      ...extra,
    ]
    const result = await compileContent(groupContent(entries))
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    return result.content
  })()
  return compiled
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

let twoPublishers: Promise<CompiledContent> | undefined

/** The test content above plus the "wire" publisher's digests: an archive of two publishers. */
export function twoPublisherContent(): Promise<CompiledContent> {
  twoPublishers ??= (async () => {
    const seed = await readContentDir('content/digests')
    const entries = [
      ...seed.files.map((f) => ({ path: f.path, text: f.text })),
      {
        path: 'ai-4h/publisher.json',
        text: await readFile('content/digests/ai-4h/publisher.json', 'utf8'),
      },
      ...(await extraDigests()),
      ...WIRE_DIGESTS,
    ]
    const result = await compileContent(groupContent(entries))
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    return result.content
  })()
  return twoPublishers
}

/** How many fetches in `urls` asked for the chunk (or chunk part) with this key (e.g. `2025-12`). */
export const chunkRequests = (urls: string[], key: string) =>
  urls.filter((u) => new RegExp(`/data/chunks/${key}(-p\\d+)?\\.`).test(u)).length

export interface FetchStub {
  urls: string[]
  /** Makes requests whose URL contains `part` fail with HTTP 500 until `restore()` is called. */
  failWhen: (part: string) => { restore: () => void }
}

/** Serves compiled content at the network edge: `fetch` answers `/data/...` from memory. */
export function stubFetch(content: CompiledContent): FetchStub {
  const files = new Map<string, string>([[`/${headFile}`, content.headJson]])
  for (const [name, body] of content.files) files.set(`/data/${name}`, body.text())
  const failing = new Set<string>()
  const urls: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input)
      urls.push(url)
      if ([...failing].some((part) => url.includes(part))) return new Response('', { status: 500 })
      const body = files.get(new URL(url, 'http://localhost').pathname)
      return body === undefined
        ? new Response('not found', { status: 404 })
        : new Response(body, { headers: { 'content-type': 'application/json' } })
    }),
  )
  return {
    urls,
    failWhen: (part) => {
      failing.add(part)
      return { restore: () => failing.delete(part) }
    },
  }
}

/** Renders the real app (routes, loaders, providers) at `url` with the network stubbed. */
export async function renderApp(
  url: string,
  options: { fail?: string; content?: () => Promise<CompiledContent> } = {},
) {
  const content = await (options.content ?? testContent)()
  const network = stubFetch(content)
  const failure = options.fail ? network.failWhen(options.fail) : undefined
  // jsdom has no scrolling; ScrollRestoration and scrollIntoView would otherwise log errors.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined)
  const queryClient = createQueryClient()
  // Tests see a failure at once instead of after the app's single retry.
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const router = createMemoryRouter(appRoutes(queryClient), { initialEntries: [url] })
  const user = userEvent.setup()
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return { ...view, user, router, network, failure, content, queryClient }
}
