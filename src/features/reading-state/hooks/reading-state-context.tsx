import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import { createVisitStore, type VisitState, type VisitStore } from '../api/visit-store'
import { createWatchStore, type WatchState, type WatchStore } from '../api/watch-store'

interface Stores {
  visit: VisitStore
  watch: WatchStore
}

const StoresContext = createContext<Stores | null>(null)
let appStores: Stores | null = null

/** The app's stores, created on first use so nothing touches storage at import time. */
export function defaultStores(): Stores {
  appStores ??= { visit: createVisitStore(), watch: createWatchStore() }
  return appStores
}

/** Tests: the next use creates the stores afresh from storage (a new page, as it were). */
export function resetDefaultStores(): void {
  appStores = null
}

/** Gives components other stores (tests use fresh ones); the app needs no provider. */
export function ReadingStateProvider(props: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={props.stores}>{props.children}</StoresContext.Provider>
}

function useStores(): Stores {
  return useContext(StoresContext) ?? defaultStores()
}

/** The since-last-visit store, for its actions. */
export function useVisitStore(): VisitStore {
  return useStores().visit
}

/** This visit's baseline and the stored state; follows other tabs. */
export function useVisit(): VisitState {
  const store = useVisitStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
}

/** The watch-list store, for its actions. */
export function useWatchStore(): WatchStore {
  return useStores().watch
}

/** The watch list and its storage status; follows other tabs. */
export function useWatchList(): WatchState {
  const store = useWatchStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
}
