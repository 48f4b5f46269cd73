/**
 * The service worker (built by vite-plugin-pwa's injectManifest into `sw.js`; decision 051).
 *
 * - The deploy's code (assets/, theme.js, icons, manifest) is precached at install; its list is
 *   injected into `self.__WB_MANIFEST` by the build, so each deploy's worker is versioned by it.
 * - index.html is network-first: every navigation (any SPA path) fetches it, and only without a
 *   network is the last one seen served, so an open connection never shows an old deploy.
 * - Data files and code are content-hashed and immutable: cache-first in caches that deploys never
 *   empty, so a tab still running an old deploy finds the files it already read.
 */
import { precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst, NetworkFirst } from 'workbox-strategies'
import { ExpirationPlugin } from 'workbox-expiration'
import { CacheableResponsePlugin } from 'workbox-cacheable-response'

/** What this worker uses of ServiceWorkerGlobalScope (the app's TS config has DOM types only). */
interface WorkerScope {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>
  registration: { scope: string }
  clients: { claim: () => Promise<void> }
  addEventListener: (
    type: 'install' | 'activate',
    listener: (event: Event & { waitUntil: (p: Promise<unknown>) => void }) => void,
  ) => void
}
declare const self: WorkerScope

/** Cache names; a change of layout gets a new name rather than reading an old one. */
const SHELL_CACHE = 'digest-shell-v1'
const IMMUTABLE_CACHE = 'digest-immutable-v1'

const scope = new URL(self.registration.scope)
const indexUrl = new URL('index.html', scope).href
const under = (dir: string) => (url: URL) =>
  url.origin === scope.origin && url.pathname.startsWith(`${scope.pathname}${dir}/`)

precacheAndRoute(self.__WB_MANIFEST)

// Every navigation is the one page, index.html (nginx answers deep links with it too), so they
// all share one cache entry: a deep link never opened before still opens offline.
const shell = new NetworkFirst({
  cacheName: SHELL_CACHE,
  // A phone on a flaky connection waits this long for the network before reading the cache.
  networkTimeoutSeconds: 4,
  plugins: [
    { cacheKeyWillBeUsed: async () => indexUrl },
    new CacheableResponsePlugin({ statuses: [200] }),
  ],
})
registerRoute(new NavigationRoute(shell))

// Files named by their content never change: whatever was read once is read from the cache. Old
// deploys' files stay (an open tab of that deploy may still ask for them) until the entry limit.
const immutable = new CacheFirst({
  cacheName: IMMUTABLE_CACHE,
  plugins: [
    new CacheableResponsePlugin({ statuses: [200] }),
    new ExpirationPlugin({ maxEntries: 3000, purgeOnQuotaError: true }),
  ],
})
registerRoute(({ url }) => under('data')(url) || under('assets')(url), immutable)

self.addEventListener('install', (event) => {
  // The first visit's page was not served through the worker: keep its index.html now, so the
  // next visit opens offline.
  event.waitUntil(
    caches.open(SHELL_CACHE).then(async (cache) => {
      if (await cache.match(indexUrl)) return
      const response = await fetch(indexUrl, { cache: 'no-cache' })
      if (response.ok) await cache.put(indexUrl, response)
    }),
  )
})

// The first visit's page is controlled at once, so the files it reads from now on are kept
// (and the ones it read before are handed over by the page: register-sw.ts).
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))
