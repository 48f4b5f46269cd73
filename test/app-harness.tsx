import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { vi } from 'vitest'
import type { CompiledContent } from '../pipeline/compile'
import { testContent } from './content-fixtures'
import { headFile } from './virtual-digest-content'
import { createQueryClient } from '@/lib/query-client'
import { AppProviders } from '@/app/provider'
import { appRoutes } from '@/app/router'

vi.setConfig({ testTimeout: 30_000 })

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
  // Scrolling and row heights come from test/setup-dom.ts (jsdom has no layout).
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
