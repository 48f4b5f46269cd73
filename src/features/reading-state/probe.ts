/**
 * The only part of the reading state in the first screen's bundle (decision 050). A first visit
 * has nothing stored: nothing is new and nothing is watched, so the stores, the counting and the
 * badges stay in a lazy chunk that a returning reader's browser starts loading at once (and has
 * cached from the last visit), and the timeline's loader waits for.
 */
import { useSyncExternalStore } from 'react'
import type * as ReadingState from './module'
import { VISIT_KEY, WATCH_KEY } from './api/storage-keys'

export type ReadingStateModule = typeof ReadingState

let loaded: ReadingStateModule | null = null
let pending: Promise<ReadingStateModule | null> | null = null
const listeners = new Set<() => void>()

/** Whether this browser has a reading state or a watch list stored (never throws). */
export function hasStoredState(): boolean {
  try {
    return localStorage.getItem(VISIT_KEY) !== null || localStorage.getItem(WATCH_KEY) !== null
  } catch {
    return false
  }
}

/** Loads the reading-state chunk once; null when it cannot be loaded (the page works without). */
export function loadReadingState(): Promise<ReadingStateModule | null> {
  pending ??= import('./module').then(
    (module) => {
      loaded = module
      for (const listener of listeners) listener()
      return module
    },
    () => {
      pending = null
      return null
    },
  )
  return pending
}

/** Starts loading the chunk when something is stored; resolves when it is there (or not needed). */
export function loadReadingStateIfStored(): Promise<ReadingStateModule | null> {
  return hasStoredState() ? loadReadingState() : Promise.resolve(loaded)
}

/** The chunk if it has loaded, else null. */
export function loadedReadingState(): ReadingStateModule | null {
  return loaded
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The chunk once loaded (re-renders when it arrives). */
export function useReadingStateModule(): ReadingStateModule | null {
  return useSyncExternalStore(subscribe, loadedReadingState, loadedReadingState)
}
