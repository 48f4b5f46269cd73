import type { RejectedEntry } from './bookmark-entries'
import { mergeBookmarks, sortBookmarks } from './bookmark-merge'
import { parseStored, type CorruptReason, type ParseResult } from './bookmark-migrate'
import { LIMITS, type Bookmark } from './bookmark-schema'
import { clipText } from './bookmark-snapshot'
import { BOOKMARKS_VERSION } from './bookmark-version'

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

/**
 * Entries of a readable document that could not be used (a date out of range, an id no link can
 * hold …). The other bookmarks work as usual; the text as read is kept under a backup key before
 * anything replaces it, and the page lists these entries.
 */
export interface SetAside {
  entries: RejectedEntry[]
  raw: string
  /** Where the copy is kept; null while even the copy cannot be written (storage full). */
  backupKey: string | null
}

/** Why changes are only in memory: storage is full, or the browser refuses storage. */
export type SaveProblem = 'quota' | 'unavailable'

export interface BookmarkState {
  /** Newest saved first. */
  bookmarks: Bookmark[]
  corruption: Corruption | null
  /** Set aside during this page's life: stays reported after a write has left them out. */
  setAside: SetAside | null
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

/** A change made in this tab that storage does not hold yet: the bookmark as it is now, or a removal. */
type PendingChange = { bookmark: Bookmark } | { removedAt: string }

/** What storage holds, as far as this tab can tell. */
type StoredRead =
  | { kind: 'unavailable'; problem: SaveProblem }
  | { kind: 'empty' }
  | { kind: 'corrupt'; corruption: Corruption }
  | { kind: 'ok'; bookmarks: Bookmark[]; migrated: boolean; setAside: SetAside | null }

const EMPTY: BookmarkState = {
  bookmarks: [],
  corruption: null,
  setAside: null,
  saveProblem: null,
  unsaved: false,
}

/** A bookmarks store over localStorage, read by components through `useSyncExternalStore`. */
export function createBookmarkStore(options: StoreOptions = {}): BookmarkStore {
  const getStorage = options.storage ?? (() => window.localStorage)
  const now = options.now ?? (() => new Date())
  const events = options.events ?? (typeof window === 'undefined' ? undefined : window)
  const listeners = new Set<() => void>()
  /**
   * This tab's changes that are only in memory (storage full, refused, or holding data we may not
   * replace), by item id. A write from another tab is read and these are laid over it, so it never
   * wipes them; the next successful write saves them and empties the map.
   */
  const pending = new Map<string, PendingChange>()
  /** Stored text we read as a current document or wrote ourselves: replacing it loses nothing. */
  let knownGood: string | null = null
  let state = EMPTY
  state = load()

  function emit(next: BookmarkState) {
    state = next
    for (const listener of listeners) listener()
  }

  function read(): StoredRead {
    let storage: Storage
    let raw: string | null
    try {
      storage = getStorage()
      raw = storage.getItem(STORAGE_KEY)
    } catch {
      return { kind: 'unavailable', problem: 'unavailable' }
    }
    if (raw === null) return { kind: 'empty' }
    const parsed = parseSafely(raw)
    if (!parsed.ok) {
      const backupKey = keyOf(backup(storage, raw))
      return { kind: 'corrupt', corruption: { reason: parsed.reason, raw, backupKey } }
    }
    const migrated = parsed.migratedFrom !== undefined
    const rejected = parsed.rejected
    if (!migrated && rejected.length === 0) knownGood = raw
    const setAside =
      rejected.length > 0
        ? { entries: rejected, raw, backupKey: keyOf(backup(storage, raw)) }
        : null
    return { kind: 'ok', bookmarks: parsed.bookmarks, migrated, setAside }
  }

  /**
   * Reads storage (at start, and when another tab wrote it) and lays this tab's unsaved changes over
   * it with the import rules, then tries to save the result.
   */
  function load(): BookmarkState {
    const found = read()
    // Nothing readable: keep what this tab shows rather than blank it.
    if (found.kind === 'unavailable') return { ...state, saveProblem: found.problem }
    const base = found.kind === 'ok' ? found.bookmarks : []
    const corruption = found.kind === 'corrupt' ? found.corruption : null
    const fresh = found.kind === 'ok' ? found.setAside : null
    // Once reported, set-aside entries stay reported for this page, even after a write (here or
    // in another tab) has left them out of the stored document.
    const setAside = fresh ?? state.setAside
    // An upgraded document is written back at once (`persist` keeps the old one under a backup
    // key first), unless it had entries set aside: then the stored text, and with it the report on
    // every later load, stays until the reader changes something.
    const upgrade = found.kind === 'ok' && found.migrated && !fresh
    if (pending.size === 0 && !upgrade) {
      return {
        bookmarks: sortBookmarks(base),
        corruption,
        setAside,
        saveProblem: null,
        unsaved: false,
      }
    }
    return write({
      bookmarks: withPending(base),
      corruption,
      setAside,
      saveProblem: null,
      unsaved: true,
    })
  }

  /** The import merge rules, with removals: a removal wins over a copy last updated before it. */
  function withPending(base: Bookmark[]): Bookmark[] {
    const puts: Bookmark[] = []
    const removedAt = new Map<string, number>()
    for (const [itemId, change] of pending) {
      if ('bookmark' in change) puts.push(change.bookmark)
      else removedAt.set(itemId, Date.parse(change.removedAt))
    }
    const kept = base.filter((b) => {
      const at = removedAt.get(b.itemId)
      // Re-added or edited in another tab after this tab removed it: that newer copy stays.
      return at === undefined || Date.parse(b.updatedAt) > at
    })
    return mergeBookmarks(kept, puts).bookmarks
  }

  /** Copies raw data under a backup key, reusing an identical earlier copy (e.g. from another tab). */
  function backup(storage: Storage, raw: string): { key: string } | { problem: SaveProblem } {
    try {
      const existing = findBackup(storage, raw)
      if (existing) return { key: existing }
      const key = `${BACKUP_PREFIX}${now().getTime()}`
      storage.setItem(key, raw)
      return { key }
    } catch (error) {
      return { problem: problemOf(error) }
    }
  }

  /**
   * Writes the bookmarks document. Stored text that is not a current document (an old version, or
   * unreadable data after "Start fresh") is only replaced once a copy of it is kept under a backup
   * key; when that copy cannot be written, nothing is written.
   */
  function persist(bookmarks: Bookmark[]): SaveProblem | null {
    try {
      const storage = getStorage()
      const current = storage.getItem(STORAGE_KEY)
      if (current !== null && current !== knownGood && !isCurrentDocument(current)) {
        const kept = backup(storage, current)
        if ('problem' in kept) return kept.problem
      }
      const text = JSON.stringify({ version: BOOKMARKS_VERSION, bookmarks })
      storage.setItem(STORAGE_KEY, text)
      knownGood = text
      pending.clear()
      return null
    } catch (error) {
      return problemOf(error)
    }
  }

  /** Saves when allowed; on failure the state stays as is in memory, marked unsaved. */
  function write(next: BookmarkState): BookmarkState {
    // Corrupt data is only replaced once the reader has chosen to start fresh.
    if (next.corruption) return { ...next, unsaved: true }
    const problem = persist(next.bookmarks)
    if (problem) return { ...next, saveProblem: problem, unsaved: true }
    return { ...next, setAside: withBackupKey(next.setAside), saveProblem: null, unsaved: false }
  }

  /** A write succeeded, so set-aside text that had no copy at load has one now (`persist`). */
  function withBackupKey(setAside: SetAside | null): SetAside | null {
    if (!setAside || setAside.backupKey) return setAside
    try {
      const key = findBackup(getStorage(), setAside.raw)
      return key ? { ...setAside, backupKey: key } : setAside
    } catch {
      return setAside
    }
  }

  /** Notes what changed as pending (until a write succeeds), then saves. */
  function change(bookmarks: Bookmark[]) {
    const next = sortBookmarks(bookmarks)
    const before = new Map(state.bookmarks.map((b) => [b.itemId, b]))
    const after = new Set(next.map((b) => b.itemId))
    const at = now().toISOString()
    for (const itemId of before.keys())
      if (!after.has(itemId)) pending.set(itemId, { removedAt: at })
    // Unchanged bookmarks keep their object identity through sort and merge.
    for (const b of next) if (before.get(b.itemId) !== b) pending.set(b.itemId, { bookmark: b })
    emit(write({ ...state, bookmarks: next }))
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
      // The note field stops at its own length; this bound is for callers that bypass it.
      const updated = {
        ...current,
        note: clipText(note, LIMITS.text),
        updatedAt: now().toISOString(),
      }
      change(state.bookmarks.map((b) => (b.itemId === itemId ? updated : b)))
    },
    importBookmarks(incoming) {
      const result = mergeBookmarks(state.bookmarks, incoming)
      if (result.added + result.updated > 0) change(result.bookmarks)
      return { added: result.added, updated: result.updated }
    },
    startFresh() {
      if (!state.corruption) return
      // `persist` copies the unreadable text to a backup key first (or reuses the copy made on
      // load); if no copy can be kept, the data stays untouched and the page says to download it.
      const problem = persist(state.bookmarks)
      emit(
        problem
          ? { ...state, saveProblem: problem, unsaved: true }
          : { ...state, corruption: null, saveProblem: null, unsaved: false },
      )
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

/** A current document with every entry usable: replacing it loses nothing. */
function isCurrentDocument(raw: string): boolean {
  const parsed = parseSafely(raw)
  return parsed.ok && parsed.migratedFrom === undefined && parsed.rejected.length === 0
}

/**
 * Stored text is outside input: whatever it holds, reading it must not throw into React (the
 * store is created during the first render). Parsing is written not to throw; this is the net.
 */
function parseSafely(raw: string): ParseResult {
  try {
    return parseStored(raw)
  } catch {
    return { ok: false, reason: 'wrong-shape' }
  }
}

function findBackup(storage: Storage, raw: string): string | null {
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key?.startsWith(BACKUP_PREFIX) && storage.getItem(key) === raw) return key
  }
  return null
}

const keyOf = (kept: { key: string } | { problem: SaveProblem }) =>
  'key' in kept ? kept.key : null

function problemOf(error: unknown): SaveProblem {
  return isQuotaError(error) ? 'quota' : 'unavailable'
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
