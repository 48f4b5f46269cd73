import { useEffect } from 'react'

export const APP_NAME = 'Digest Reader'

/** Sets `document.title` to "<page> · Digest Reader" while the calling page is shown. */
export function useDocumentTitle(page?: string): void {
  useEffect(() => {
    document.title = page ? `${page} · ${APP_NAME}` : APP_NAME
  }, [page])
}
