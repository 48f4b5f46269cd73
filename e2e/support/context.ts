import { onTestFinished } from 'vitest'
import type { Browser } from 'playwright-core'
import { newContext, type PageOptions, type Watched } from './browser'

/**
 * `newContext` for a test: the context is closed when the test ends, passed or failed, so a failed
 * assertion never leaves a browser context (and its pages, workers and routes) to the next test.
 * Closing it again inside the test is harmless.
 */
export async function openContext(browser: Browser, options: PageOptions = {}): Promise<Watched> {
  const watched = await newContext(browser, options)
  onTestFinished(() => watched.context.close())
  return watched
}
