import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
]

/** Debian's Chromium; the path can be overridden for other machines. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  })
}

export interface PageOptions {
  width?: number
  height?: number
  colorScheme?: 'light' | 'dark'
  /** The browser's time zone; west of UTC unless a test says otherwise. */
  timezoneId?: string
  /**
   * The app's service worker is blocked unless a test asks for it (e2e/offline.e2e.ts and
   * e2e/new-digests.e2e.ts do): once it controls a page, `page.route` no longer sees the page's
   * requests, and it would take over at a moment of its own choosing in the middle of other tests.
   */
  serviceWorkers?: 'allow' | 'block'
}

/** Console errors and uncaught exceptions seen by pages of a context; tests assert it stays empty. */
export interface Watched {
  context: BrowserContext
  errors: string[]
  newPage: () => Promise<Page>
}

/** A fresh context (own storage) at a given viewport and color scheme, watching for errors. */
export async function newContext(browser: Browser, options: PageOptions = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'zh-CN',
    timezoneId: options.timezoneId ?? 'America/Los_Angeles',
    serviceWorkers: options.serviceWorkers ?? 'block',
  })
  const errors: string[] = []
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      // The location names the failed resource of a "Failed to load resource" (a 404 says which).
      if (msg.type() === 'error')
        errors.push(`console.error: ${msg.text()} (${msg.location().url})`)
    })
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  }
  context.on('page', watch)
  return { context, errors, newPage: () => context.newPage() }
}

/** Saves a full-page screenshot under e2e/.artifacts (and docs/screenshots when `doc` is set). */
export async function screenshot(page: Page, name: string, doc = false): Promise<string> {
  const dir = doc ? 'docs/screenshots' : 'e2e/.artifacts'
  mkdirSync(dir, { recursive: true })
  const path = `${dir}/${name}.png`
  await page.screenshot({ path, fullPage: !doc })
  return path
}
