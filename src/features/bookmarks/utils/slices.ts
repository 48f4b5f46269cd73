/** How long work may hold the thread, and who hears how far it got. */
export interface SliceOptions {
  /** Longest stretch of work before the thread is handed back to the browser, in ms. */
  budgetMs?: number
  /** Called after each slice and at the end with items done and the total. */
  onProgress?: (done: number, total: number) => void
}

/** Lets the browser paint and handle input; `scheduler.yield` where the browser has it. */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Runs `each` over `items` in slices of at most `budgetMs` (10 ms by default), yielding to the
 * event loop between them, so a long list never blocks input for more than one slice. A list that
 * fits in one slice never yields.
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  each: (item: T, index: number) => void,
  options: SliceOptions = {},
): Promise<void> {
  const budget = options.budgetMs ?? 10
  let sliceStart = performance.now()
  for (let i = 0; i < items.length; i++) {
    each(items[i]!, i)
    // Reading the clock every 32 items keeps its cost out of the loop.
    if (i % 32 === 31 && i + 1 < items.length && performance.now() - sliceStart > budget) {
      options.onProgress?.(i + 1, items.length)
      await yieldToBrowser()
      sliceStart = performance.now()
    }
  }
  options.onProgress?.(items.length, items.length)
}
