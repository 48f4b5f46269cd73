import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { matchPath } from 'react-router-dom'
import { paths } from '@/config/paths'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { routerBasename } from '@/lib/router-basename'

/** A pointer resting this long on a link is an intent to open it (passing over is not). */
const HOVER_MS = 60

/** The digest or item a link of the app opens, if any. */
function targetOf(anchor: HTMLAnchorElement): { digestId?: string; itemId?: string } | null {
  if (anchor.origin !== window.location.origin) return null
  const base = routerBasename === '/' ? '' : routerBasename
  if (!anchor.pathname.startsWith(base)) return null
  const path = anchor.pathname.slice(base.length) || '/'
  const digest = matchPath(paths.digest.path, path)
  if (digest?.params.digestId) return { digestId: digest.params.digestId }
  const item = matchPath(paths.item.path, path)
  if (item?.params.itemId) return { itemId: item.params.itemId }
  return null
}

/**
 * Fetches a digest's or item's files when the reader shows the intent to open it: a pointer
 * resting on its link, keyboard focus, or a touch starting on it. A digest two years back then opens
 * at once instead of waiting for its month page and chunk after the click. One listener for the
 * whole document, so links need no wiring.
 */
export function usePrefetchOnIntent(): void {
  const client = useQueryClient()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const prefetch = (target: EventTarget | null) => {
      const anchor = target instanceof Element ? target.closest('a[href]') : null
      if (!(anchor instanceof HTMLAnchorElement)) return
      const found = targetOf(anchor)
      if (found?.digestId) void client.prefetchQuery(archiveQueries.digest(found.digestId))
      if (found?.itemId) void client.prefetchQuery(archiveQueries.item(found.itemId))
    }
    const onOver = (event: PointerEvent) => {
      clearTimeout(timer)
      timer = setTimeout(() => prefetch(event.target), HOVER_MS)
    }
    const onOut = () => clearTimeout(timer)
    const onNow = (event: Event) => prefetch(event.target)
    document.addEventListener('pointerover', onOver)
    document.addEventListener('pointerout', onOut)
    document.addEventListener('focusin', onNow)
    document.addEventListener('touchstart', onNow, { passive: true })
    return () => {
      clearTimeout(timer)
      document.removeEventListener('pointerover', onOver)
      document.removeEventListener('pointerout', onOut)
      document.removeEventListener('focusin', onNow)
      document.removeEventListener('touchstart', onNow)
    }
  }, [client])
}
