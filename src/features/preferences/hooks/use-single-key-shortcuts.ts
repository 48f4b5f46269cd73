import { useSyncExternalStore } from 'react'

/**
 * Whether single-key shortcuts (`j`, `k`, `o`, `b`, `/`, `?`) are on. WCAG 2.1.4: a reader using
 * speech input, or one who types by accident, must be able to turn off shortcuts made of one
 * character key. Shortcuts with a modifier (Ctrl K) and Enter on a focused item stay.
 */
export const SHORTCUTS_STORAGE_KEY = 'digest-reader:single-key-shortcuts'

const listeners = new Set<() => void>()

function read(): boolean {
  try {
    return localStorage.getItem(SHORTCUTS_STORAGE_KEY) !== 'off'
  } catch {
    return true
  }
}

/** Turns single-key shortcuts on or off for every open view, and remembers the choice. */
export function setSingleKeyShortcuts(on: boolean): void {
  try {
    if (on) localStorage.removeItem(SHORTCUTS_STORAGE_KEY)
    else localStorage.setItem(SHORTCUTS_STORAGE_KEY, 'off')
  } catch {
    // Storage unavailable: the choice still applies to this page.
    fallback = on
  }
  for (const listener of listeners) listener()
}

// Where storage fails, the choice lives here for the page's lifetime.
let fallback: boolean | undefined

function current(): boolean {
  return fallback ?? read()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Another tab's choice applies here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === SHORTCUTS_STORAGE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** True while single-key shortcuts are on (the default). */
export function useSingleKeyShortcuts(): boolean {
  return useSyncExternalStore(subscribe, current, () => true)
}
