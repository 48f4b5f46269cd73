import { mergeBookmarks, sortBookmarks } from './bookmark-merge'
import { parseStored, type CorruptReason } from './bookmark-migrate'
import { BOOKMARKS_VERSION, type Bookmark } from './bookmark-schema'

/** localStorage key of the bookmarks document. */
export const STORAGE_KEY = 'digest-reader:bookmarks'
/** Prefix of keys holding raw data that could not be read (or was migrated), never deleted by us. */
export const BACKUP_PREFIX = 'digest-reader:bookmarks:backup:'

/** Stored data that could not be read; it stays untouched until the reader starts fresh. */
export interface Corruption {
  reason: CorruptReason
  raw: string
  /** Where a copy was kept; null when even the copy could not be written (storage full). */
  backupKey: string | null
}

/** Why changes are only in memory: storage is full, or the browser refuses storage. */
export type SaveProblem = 'quota' | 'unavailable'

export interface BookmarkState {
  /** Newest saved first. */
  bookmarks: Bookmark[]
  corruption: Corruption | null
  saveProblem: SaveProblem | null
  /** Memory holds changes that are not in storage (and will be lost when the page closes). */
  unsaved: boolean
}

export interface BookmarkStore {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => BookmarkState
  add: (bookmark: Bookmark) => void
  remove: (itemId: string) => void
  toggle: (bookmark: Bookmark) => void
  setNote: (itemId: string, note: string) => void
  importBookmarks: (incoming: Bookmark[]) => { added: number; updated: number }
  /** After corrupt data: keep the backup, and save the bookmarks in memory from now on. */
  startFresh: () => void
  /** Raw data kept under backup keys, oldest first. */
  listBackups: () => { key: string; raw: string }[]
}

export interface StoreOptions {
  /** Returns the Storage to use; may throw (SecurityError in some private modes). */
  storage?: () => Storage
  now?: () => Date
  /** Where cross-tab `storage` events arrive; none in tests that do not need it. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>
}

/** A bookmarks store over localStorage, read by components through `useSyncExternalStore`. */
export function createBookmarkStore(options: StoreOptions = {}): BookmarkStore {
  const getStorage = options.storage ?? (() => window.localStorage)
  const now = options.now ?? (() => new Date())
  const events = options.events ?? (typeof window === 'undefined' ? undefined : window)
  const listeners = new Set<() => void>()
  let state = load()

  function emit(next: BookmarkState) {
    state = next
    for (const listener of listeners) listener()
  }

  function load(): BookmarkState {
    let storage: Storage
    let raw: string | null
    try {
      storage = getStorage()
      raw = storage.getItem(STORAGE_KEY)
    } catch {
      return { bookmarks: [], corruption: null, saveProblem: 'unavailable', unsaved: false }
    }
    if (raw === null) return { bookmarks: [], corruption: null, saveProblem: null, unsaved: false }
    const parsed = parseStored(raw)
    if (!parsed.ok) {
      const backupKey = backup(storage, raw)
      return {
        bookmarks: [],
        corruption: { reason: parsed.reason, raw, backupKey },
        saveProblem: null,
        unsaved: false,
      }
    }
    const bookmarks = sortBookmarks(parsed.bookmarks)
    if (parsed.migratedFrom === undefined) {
      return { bookmarks, corruption: null, saveProblem: null, unsaved: false }
    }
    // Upgrading rewrites the key, so the old document is kept first, like corrupt data.
    backup(storage, raw)
    return write({ bookmarks, corruption: null, saveProblem: null, unsaved: true })
  }

  /** Copies raw data under a backup key, reusing an identical earlier copy (e.g. from another tab). */
  function backup(storage: Storage, raw: string): string | null {
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i)
        if (key?.startsWith(BACKUP_PREFIX) && storage.getItem(key) === raw) return key
      }
      const key = `${BACKUP_PREFIX}${now().getTime()}`
      storage.setItem(key, raw)
      return key
    } catch {
      return null
    }
  }

  /** Saves to storage when allowed; on failure the state stays as is in memory, marked unsaved. */
  function write(next: BookmarkState): BookmarkState {
    // Corrupt data is only replaced once the reader has chosen to start fresh.
    if (next.corruption) return { ...next, unsaved: true }
    try {
      const doc = { version: BOOKMARKS_VERSION, bookmarks: next.bookmarks }
      getStorage().setItem(STORAGE_KEY, JSON.stringify(doc))
      return { ...next, saveProblem: null, unsaved: false }
    } catch (error) {
      return { ...next, saveProblem: isQuotaError(error) ? 'quota' : 'unavailable', unsaved: true }
    }
  }

  function change(bookmarks: Bookmark[]) {
    emit(write({ ...state, bookmarks: sortBookmarks(bookmarks) }))
  }

  const has = (itemId: string) => state.bookmarks.some((b) => b.itemId === itemId)

  function add(bookmark: Bookmark) {
    if (!has(bookmark.itemId)) change([...state.bookmarks, bookmark])
  }

  function remove(itemId: string) {
    if (has(itemId)) change(state.bookmarks.filter((b) => b.itemId !== itemId))
  }

  const onStorage = (event: StorageEvent) => {
    // key is null when another tab cleared all of localStorage.
    if (event.key !== STORAGE_KEY && event.key !== null) return
    emit(load())
  }

  return {
    subscribe(listener) {
      if (listeners.size === 0) events?.addEventListener('storage', onStorage)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) events?.removeEventListener('storage', onStorage)
      }
    },
    getSnapshot: () => state,
    add,
    remove,
    toggle(bookmark) {
      if (has(bookmark.itemId)) remove(bookmark.itemId)
      else add(bookmark)
    },
    setNote(itemId, note) {
      const current = state.bookmarks.find((b) => b.itemId === itemId)
      if (!current || current.note === note) return
      const updated = { ...current, note, updatedAt: now().toISOString() }
      change(state.bookmarks.map((b) => (b.itemId === itemId ? updated : b)))
    },
    importBookmarks(incoming) {
      const result = mergeBookmarks(state.bookmarks, incoming)
      if (result.added + result.updated > 0) change(result.bookmarks)
      return { added: result.added, updated: result.updated }
    },
    startFresh() {
      emit(write({ ...state, corruption: null }))
    },
    listBackups() {
      try {
        const storage = getStorage()
        const keys: string[] = []
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i)
          if (key?.startsWith(BACKUP_PREFIX)) keys.push(key)
        }
        return keys.sort().map((key) => ({ key, raw: storage.getItem(key) ?? '' }))
      } catch {
        return []
      }
    },
  }
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false
  // Firefox used its own name; old WebKit only set the legacy code.
  return (
    error.name === 'QuotaExceededError' ||
    error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    error.code === 22
  )
}
