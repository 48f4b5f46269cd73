import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProvider } from '@/app/provider'
import { serviceWorkerEnabled } from '@/features/offline/settings'
import './index.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider />
  </StrictMode>,
)

// Offline support loads after the first screen (its own chunk), so the first digest waits for none
// of it.
if (serviceWorkerEnabled && import.meta.env.PROD) {
  void import('@/features/offline/register-sw').then((m) => m.registerServiceWorkerWhenIdle())
}
