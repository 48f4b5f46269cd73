import { useSyncExternalStore } from 'react'
import type { Head } from '@/types/content'

/** A newer deploy's head, checked and loaded, waiting for the reader to take it. */
export interface PendingUpdate {
  file: string
  head: Head
  count: number
}

let pending: PendingUpdate | null = null
const listeners = new Set<() => void>()

/** Offers a newer head (or withdraws the offer with null). */
export function setPendingUpdate(update: PendingUpdate | null): void {
  pending = update
  for (const listener of listeners) listener()
}

/** The offer now standing, for code outside React. */
export function pendingUpdate(): PendingUpdate | null {
  return pending
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The newer head on offer, if any; every view sees the same one. */
export function usePendingUpdate(): PendingUpdate | null {
  return useSyncExternalStore(subscribe, pendingUpdate, () => null)
}

/** The head file the app shows: index.html's at load, then each one the reader accepted. */
let shown: string | null = null

/** The head file now shown (`initial` until one was accepted). */
export function shownHeadFile(initial: string | null): string | null {
  return shown ?? initial
}

/** Records that the app now shows this head. */
export function markHeadShown(file: string): void {
  shown = file
}
