import { lazy, Suspense, useEffect, useState } from 'react'

const NewDigestsBanner = lazy(() =>
  import('./new-digests-banner').then((m) => ({ default: m.NewDigestsBanner })),
)

/**
 * The new-digests banner, loaded once the first screen is on and the page is idle: a deploy check
 * is of no use in the first seconds of a visit, and its code is not the first screen's to carry.
 * The banner takes no room (a zero-height sticky strip), so its arrival moves nothing.
 */
export function NewDigestsBannerWhenIdle() {
  const [idle, setIdle] = useState(false)
  useEffect(() => {
    const whenIdle =
      window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1000))
    const cancel = window.cancelIdleCallback ?? window.clearTimeout
    let handle: number | undefined
    const start = () => (handle = whenIdle(() => setIdle(true)))
    if (document.readyState === 'complete') start()
    else window.addEventListener('load', start, { once: true })
    return () => {
      window.removeEventListener('load', start)
      if (handle !== undefined) cancel(handle)
    }
  }, [])
  if (!idle) return null
  return (
    <Suspense fallback={null}>
      <NewDigestsBanner />
    </Suspense>
  )
}
