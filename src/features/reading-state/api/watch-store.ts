import { keepCopy, readKey, writeKept, type SaveProblem, type Unreadable } from './kept-storage'
import {
  parseWatches,
  termProblem,
  watchKey,
  WATCH_LIMITS,
  WATCH_VERSION,
  type RejectedWatch,
  type Watch,
} from './watch-entries'

import { WATCH_KEY } from './storage-keys'

export { WATCH_KEY }
export const WATCH_BACKUP_PREFIX = 'digest-reader:watch-list:backup:'

export interface WatchState {
  /** In the order they were added. */
  watches: Watch[]
  unreadable: Unreadable | null
  /** Entries set aside during this page's life (the stored text is kept under `backupKey`). */
  setAside: { entries: RejectedWatch[]; backupKey: string | null } | null
  saveProblem: SaveProblem | null
}

export interface WatchStore {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => WatchState
  /** Watches a term from now on: items up to `seenThrough` are not new. False when it cannot. */
  add: (watch: Pick<Watch, 'term' | 'kind' | 'seenThrough'>) => boolean
  remove: (watch: Pick<Watch, 'term' | 'kind'>) => void
  /** The reader has seen the term's items up to `time`. */
  markSeen: (watch: Pick<Watch, 'term' | 'kind'>, time: number) => void
}

export interface WatchStoreOptions {
  storage?: () => Storage
  now?: () => number
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>
}

/** The watch list over localStorage, with bookmarks' rules for data it cannot use. */
export function createWatchStore(options: WatchStoreOptions = {}): WatchStore {
  const getStorage = options.storage ?? (() => window.localStorage)
  const now = options.now ?? Date.now
  const events = options.events ?? (typeof window === 'undefined' ? undefined : window)
  const listeners = new Set<() => void>()
  let knownGood: string | null = null
  let state: WatchState = { watches: [], unreadable: null, setAside: null, saveProblem: null }
  state = load()

  function load(): WatchState {
    const found = readKey(getStorage, WATCH_KEY)
    if ('problem' in found) return { ...state, saveProblem: found.problem }
    if (found.raw === null) return { ...state, watches: state.saveProblem ? state.watches : [] }
    const parsed = parseWatches(found.raw)
    if (!parsed.ok) {
      const backupKey = keepCopy(getStorage, WATCH_BACKUP_PREFIX, found.raw, now)
      return { ...state, unreadable: { reason: parsed.reason, raw: found.raw, backupKey } }
    }
    let setAside = state.setAside
    if (parsed.rejected.length > 0) {
      const backupKey = keepCopy(getStorage, WATCH_BACKUP_PREFIX, found.raw, now)
      setAside = { entries: parsed.rejected, backupKey }
    } else knownGood = found.raw
    // This tab's changes that could not be saved stay, laid over what another tab wrote.
    const watches = state.saveProblem ? mergeWatches(parsed.watches, state.watches) : parsed.watches
    return { ...state, watches, setAside }
  }

  function emit(next: WatchState) {
    state = next
    for (const listener of listeners) listener()
  }

  function save(watches: Watch[]) {
    const text = JSON.stringify({ version: WATCH_VERSION, watches })
    const saveProblem = writeKept({
      getStorage,
      key: WATCH_KEY,
      backupPrefix: WATCH_BACKUP_PREFIX,
      text,
      knownGood,
      isClean: (raw) => {
        const parsed = parseWatches(raw)
        return parsed.ok && parsed.rejected.length === 0
      },
      now,
    })
    if (!saveProblem) knownGood = text
    emit({ ...state, watches, saveProblem })
  }

  function onStorage(event: StorageEvent) {
    if (event.key === WATCH_KEY) emit(load())
  }

  const find = (w: Pick<Watch, 'term' | 'kind'>) =>
    state.watches.findIndex((x) => watchKey(x) === watchKey(w))

  return {
    subscribe(listener) {
      if (listeners.size === 0) events?.addEventListener('storage', onStorage as EventListener)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) events?.removeEventListener('storage', onStorage as EventListener)
      }
    },
    getSnapshot: () => state,
    add({ term, kind, seenThrough }) {
      const clean = term.trim()
      if (termProblem(clean) || find({ term: clean, kind }) >= 0) return false
      if (state.watches.length >= WATCH_LIMITS.watches) return false
      save([...state.watches, { term: clean, kind, seenThrough, addedAt: now() }])
      return true
    },
    remove(watch) {
      const at = find(watch)
      if (at >= 0) save(state.watches.filter((_, i) => i !== at))
    },
    markSeen(watch, time) {
      const at = find(watch)
      if (at < 0 || state.watches[at]!.seenThrough >= time) return
      save(state.watches.map((w, i) => (i === at ? { ...w, seenThrough: time } : w)))
    },
  }
}

/** One watch per key; where both lists have it, the later `seenThrough` wins. */
export function mergeWatches(base: Watch[], over: Watch[]): Watch[] {
  const out = new Map(base.map((w) => [watchKey(w), w]))
  for (const w of over) {
    const had = out.get(watchKey(w))
    if (!had || had.seenThrough < w.seenThrough) out.set(watchKey(w), w)
  }
  return [...out.values()].slice(0, WATCH_LIMITS.watches)
}
