import { useEffect } from 'react'

export const APP_NAME = 'Digest Reader'

// Embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9).
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * A page title with its bidi controls removed: a title bar cannot isolate text, so a U+202E in a
 * digest title or a query would reverse " · 搜索 · Digest Reader" after it.
 */
export function plainTitle(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}

/** Sets `document.title` to "<page> · Digest Reader" while the calling page is shown. */
export function useDocumentTitle(page?: string): void {
  useEffect(() => {
    const clean = page && plainTitle(page)
    document.title = clean ? `${clean} · ${APP_NAME}` : APP_NAME
  }, [page])
}
