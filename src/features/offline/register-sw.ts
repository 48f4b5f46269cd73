/**
 * Registers the service worker. main.tsx loads this chunk, and calls it, once the page has loaded
 * and gone idle, so its script and the precache it fills never compete with the first digest for
 * the network (the benches count bytes until it is visible): none of this is in the entry chunk.
 */
export function registerServiceWorker(where: {
  /** The worker's script (`<base>sw.js`). */
  script: string
  /** Where data files live (`<base>data/`): what the page read there is handed to the worker. */
  dataDir: string
}): void {
  if ('serviceWorker' in navigator) void register(where)
}

// It takes its paths from main.tsx rather than importing the modules that make them: sharing a
// module with the entry would split it into a chunk of its own, one more first-screen request.
async function register(where: { script: string; dataDir: string }): Promise<void> {
  try {
    const scope = import.meta.env.BASE_URL
    const registration = await navigator.serviceWorker.register(where.script, {
      scope,
      type: 'classic',
    })
    // The worker takes this page over on its first install; hand it the data this page read
    // before, so what was read opens offline (the HTTP cache has them: no new download).
    await navigator.serviceWorker.ready
    const worker = registration.active
    const dataPrefix = new URL(where.dataDir, location.href).href
    const read = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.startsWith(dataPrefix))
    if (worker && read.length > 0) {
      worker.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: read } })
    }
  } catch (error) {
    // No worker (private mode, an old browser, a host without HTTPS): the app works as before,
    // only not offline. Not an error for the reader.
    console.warn('service worker not registered', error)
  }
}
