import type { Browser, BrowserContext, Page } from 'playwright-core'

export interface Transfer {
  url: string
  /** Bytes on the wire: the body as sent (compressed) plus the response headers. */
  bytes: number
}

/**
 * Counts what a page (and its workers: Chromium reports their requests on the page) receives, as
 * sent: compressed bodies plus headers.
 */
export function newTracker(page: Page) {
  const done: Transfer[] = []
  const pending: Promise<void>[] = []
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        done.push({
          url: request.url(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        })
      }),
    )
  })
  return {
    /** Requests finished so far (sizes of the ones just finished may still be on their way). */
    finished: () => [...done],
    /** Waits for the sizes of every finished request, then returns them all. */
    settled: async () => {
      await Promise.all(pending)
      return [...done]
    },
    reset: () => {
      done.length = 0
    },
  }
}

/** JS heap in use by the page and by its (first) dedicated worker, through the DevTools protocol. */
export async function heapOf(
  browser: Browser,
  page: Page,
): Promise<{ page: number; worker: number }> {
  const pageSession = await page.context().newCDPSession(page)
  const pageHeap = (await pageSession.send('Runtime.getHeapUsage')).usedSize
  const cdp = await browser.newBrowserCDPSession()
  try {
    const { targetInfos } = await cdp.send('Target.getTargets')
    const worker = targetInfos.find((t) => t.type === 'worker')
    if (!worker) return { page: pageHeap, worker: 0 }
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    })
    const reply = new Promise<number>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } }
        if (message.id === 1) resolve(message.result?.usedSize ?? 0)
      })
    })
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }),
    })
    return { page: pageHeap, worker: await reply }
  } finally {
    await cdp.detach()
  }
}

export interface TimedTransfer extends Transfer {
  /** When the request was sent, in epoch milliseconds (as `performance.timeOrigin`). */
  sentAt: number
  /** When the response's last byte arrived, in epoch milliseconds (as `performance.timeOrigin`). */
  end: number
}

/**
 * Like `newTracker`, and also when each response ended and how many requests are still open, so a
 * bench can count what arrived before a moment in the page (`timeOrigin + performance.now()`).
 */
export function newTimedTracker(page: Page) {
  const done: TimedTransfer[] = []
  const pending: Promise<void>[] = []
  let open = 0
  page.on('request', () => open++)
  page.on('requestfailed', () => open--)
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        const timing = request.timing()
        done.push({
          url: request.url(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          sentAt: timing.startTime,
          end: timing.startTime + timing.responseEnd,
        })
        open--
      }),
    )
  })
  return {
    /** Requests sent whose sizes have not been recorded yet. */
    open: () => open,
    /** Waits for the sizes of every finished request, then returns them all. */
    settled: async () => {
      await Promise.all(pending)
      return [...done]
    },
    reset: () => {
      done.length = 0
    },
  }
}

/**
 * The selector of a digest's first item card, and a page script (run before the app's) that notes
 * when the first such card is painted: \`window.__firstItemPainted\` (performance.now()). Noted by
 * the page itself, because a Playwright wait that polls sees it late, by as much as its polling
 * interval: 60–500 ms on top of the figure, more the slower the page.
 */
export const FIRST_ITEM = 'article[data-item-id] h4 a'
export const FIRST_ITEM_PAINT_SCRIPT = `(() => {
  const observer = new MutationObserver(() => {
    const link = document.querySelector(${JSON.stringify(FIRST_ITEM)})
    // Visible as Playwright means it: a box with a size.
    const box = link?.getBoundingClientRect()
    if (!box || !box.width || !box.height) return
    observer.disconnect()
    // A frame callback runs before the frame that shows the card; a task queued from it runs once
    // that frame is painted.
    requestAnimationFrame(() => setTimeout(() => (window.__firstItemPainted = performance.now())))
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true })
})()`

type HeadingWatch = { __headingAfterClick?: Promise<number> }

/**
 * Clicks (through `click`) and returns the time from the click, the event's own timestamp, to the
 * paint of an h1 whose text contains `title`, as the page notes them: not from before Playwright's
 * actionability checks, and not as a polling wait sees it (see FIRST_ITEM_PAINT_SCRIPT).
 */
export async function headingPaintedAfterClick(
  page: Page,
  title: string,
  click: () => Promise<void>,
): Promise<number> {
  await page.evaluate(watchHeadingAfterClick, title)
  await click()
  return page.evaluate(() => (window as HeadingWatch).__headingAfterClick!)
}

/** Runs in the page, before the click: sets `window.__headingAfterClick`. */
function watchHeadingAfterClick(title: string) {
  ;(window as HeadingWatch).__headingAfterClick = new Promise((resolve) => {
    let clickedAt: number | undefined
    document.addEventListener('click', (event) => (clickedAt = event.timeStamp), {
      capture: true,
      once: true,
    })
    const observer = new MutationObserver(() => {
      if (clickedAt === undefined) return
      const heading = [...document.querySelectorAll('h1')].find((h) =>
        h.textContent?.includes(title),
      )
      const box = heading?.getBoundingClientRect()
      if (!box || !box.width || !box.height) return
      observer.disconnect()
      const from = clickedAt
      // As for the first item: a task queued from a frame callback runs once that frame is painted.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - from)))
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
}

/**
 * Options for every benchmark page: a desktop viewport, and the page's Content-Security-Policy
 * bypassed, because it forbids `eval`, which Playwright's predicates (`waitForFunction`) need. The
 * app's own code runs the same either way; the CSP itself is checked by e2e/served.e2e.ts.
 */
export const BENCH_CONTEXT = {
  viewport: { width: 1280, height: 900 },
  bypassCSP: true,
  // A first visit, every time: a service worker installing after the first screen (and answering
  // later requests from its caches) would hide what the network carries.
  serviceWorkers: 'block',
} as const

/** A fresh context of BENCH_CONTEXT whose pages note when their first item card is painted. */
export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(BENCH_CONTEXT)
  await context.addInitScript(FIRST_ITEM_PAINT_SCRIPT)
  return context
}
