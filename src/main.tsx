import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProvider } from '@/app/provider'
import { serviceWorkerEnabled } from '@/features/offline/settings'
import { dataFileUrl } from '@/lib/archive/archive-files'
import { appUrl } from '@/lib/fetch-json'
import './index.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider />
  </StrictMode>,
)

// Offline support loads after the first screen (its own chunk), so the first digest waits for none
// of it: the chunk itself is fetched once the page has loaded and gone idle (fetched at start, its
// 1.2 KB counted in the first screen's transfer). Not under the dev server (`import.meta.hot`),
// which serves no worker; every build has one, whatever NODE_ENV it ran with (the browser tests
// build under NODE_ENV=test).
if (serviceWorkerEnabled && !import.meta.hot) {
  const loadOffline = () => {
    // Offline already, or the fetch fails: try again when the network is back.
    const retryOnline = () => window.addEventListener('online', loadOffline, { once: true })
    if (!navigator.onLine) return retryOnline()
    import('@/features/offline/register-sw').then(
      (m) => m.registerServiceWorker({ script: appUrl('sw.js'), dataDir: dataFileUrl('') }),
      retryOnline,
    )
  }
  window.addEventListener(
    'load',
    () => (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000)))(loadOffline),
    { once: true },
  )
}
