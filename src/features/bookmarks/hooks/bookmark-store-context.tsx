import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react'
import { createBookmarkStore, type BookmarkState, type BookmarkStore } from '../api/bookmark-store'

const BookmarkStoreContext = createContext<BookmarkStore | null>(null)

let appStore: BookmarkStore | null = null

/** The app's one store, created on first use so nothing touches localStorage at import time. */
function defaultStore(): BookmarkStore {
  appStore ??= createBookmarkStore()
  return appStore
}

/** Gives components another store (tests use a fresh one each); the app needs no provider. */
export function BookmarkStoreProvider(props: { store: BookmarkStore; children: ReactNode }) {
  return (
    <BookmarkStoreContext.Provider value={props.store}>
      {props.children}
    </BookmarkStoreContext.Provider>
  )
}

/** The bookmarks store, for its actions (add, remove, import …). */
export function useBookmarkStore(): BookmarkStore {
  return useContext(BookmarkStoreContext) ?? defaultStore()
}

/** All bookmarks and the storage status; re-renders on any change, in this tab or another. */
export function useBookmarks(): BookmarkState {
  const store = useBookmarkStore()
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
}

/** Whether one item is bookmarked; a boolean snapshot, so other bookmarks do not re-render it. */
export function useIsBookmarked(itemId: string): boolean {
  const store = useBookmarkStore()
  const get = () => store.getSnapshot().bookmarks.some((b) => b.itemId === itemId)
  return useSyncExternalStore(store.subscribe, get, get)
}
