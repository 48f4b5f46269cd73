import type { BrowserContext, Page, Worker } from 'playwright-core'

export interface CspWatch {
  /** Gathers what the workers recorded into the list, and returns every violation seen. */
  collect: () => Promise<string[]>
}

/**
 * Records every Content-Security-Policy violation of a context's pages and their workers. Pages
 * report through a `securitypolicyviolation` listener added before any of their scripts run;
 * a dedicated worker's violations reach neither the page nor the console, so a listener is added
 * in each worker as soon as it starts (its first violation could only come once its first
 * message is answered, after a fetch).
 */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const violations: string[] = []
  await context.exposeBinding('__cspViolation', (_source, text: string) => violations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (text: string) => void })
        .__cspViolation
      void report(`page: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`)
    })
  })
  const workers = new Set<Worker>()
  const watchWorker = async (worker: Worker) => {
    await worker
      .evaluate(() => {
        const scope = self as unknown as { __csp: string[] }
        scope.__csp = []
        self.addEventListener('securitypolicyviolation', (e) => {
          scope.__csp.push(`worker: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`)
        })
      })
      .catch(() => {}) // the worker ended before it could be watched
    workers.add(worker)
  }
  const watchPage = (page: Page) => page.on('worker', (w) => void watchWorker(w))
  context.pages().forEach(watchPage)
  context.on('page', watchPage)
  return {
    async collect() {
      for (const worker of workers) {
        const seen = await worker
          .evaluate(() => (self as unknown as { __csp?: string[] }).__csp ?? [])
          .catch(() => [] as string[])
        violations.push(...seen.filter((v) => !violations.includes(v)))
      }
      return violations
    },
  }
}
