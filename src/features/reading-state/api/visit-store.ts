import {
  isTime,
  keepCopy,
  parseJson,
  readKey,
  writeKept,
  type SaveProblem,
  type Unreadable,
} from './kept-storage'

import { VISIT_KEY } from './storage-keys'

export { VISIT_KEY }
export const VISIT_BACKUP_PREFIX = 'digest-reader:reading-state:backup:'
/** sessionStorage: this tab's visit began with this baseline, so a reload keeps the marker. */
export const BASELINE_KEY = 'digest-reader:visit-baseline'
const VERSION = 1

/** The stored document; times are digest times (epoch ms), null when not known yet. */
export interface VisitDocument {
  /** The newest digest the timeline has shown; the next visit's baseline. */
  seenThrough: number | null
  /** "Mark all as read" up to this digest time, in any tab. */
  readThrough: number | null
}

export interface VisitState {
  /** Digests newer than this are new in this visit; null on a first visit (nothing is marked). */
  since: number | null
  seenThrough: number | null
  unreadable: Unreadable | null
  saveProblem: SaveProblem | null
}

export interface VisitStore {
  subscribe: (listener: () => void) => () => void
  getSnapshot: () => VisitState
  /** The timeline has shown digests up to `time`: the next visit counts from there. */
  markSeen: (time: number) => void
  /** Nothing up to `time` is new any more, in this visit and every open tab. */
  markAllRead: (time: number) => void
}

export interface VisitStoreOptions {
  storage?: () => Storage
  session?: () => Storage
  now?: () => number
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>
}

/** The stored document, or why it cannot be used (never throws). */
export function parseVisit(
  raw: string,
): { ok: true; doc: VisitDocument } | { ok: false; reason: string } {
  const parsed = parseJson(raw)
  if (!parsed.ok) return { ok: false, reason: 'not JSON' }
  const value = parsed.value as Record<string, unknown> | null
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not an object' }
  if (value.version !== VERSION) return { ok: false, reason: 'unknown version' }
  const time = (v: unknown) => v === null || isTime(v)
  if (!time(value.seenThrough)) return { ok: false, reason: 'seenThrough' }
  if (!time(value.readThrough)) return { ok: false, reason: 'readThrough' }
  return {
    ok: true,
    doc: {
      seenThrough: value.seenThrough as number | null,
      readThrough: value.readThrough as number | null,
    },
  }
}

const later = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : Math.max(a, b)

/**
 * The since-last-visit store. A visit is a tab's session: its baseline (the `seenThrough` left by
 * earlier visits) is read once and kept in sessionStorage, so reloading the tab keeps the marker,
 * while a new tab or a new browser session starts a new visit (decision 050).
 */
export function createVisitStore(options: VisitStoreOptions = {}): VisitStore {
  const getStorage = options.storage ?? (() => window.localStorage)
  const getSession = options.session ?? (() => window.sessionStorage)
  const now = options.now ?? Date.now
  const events = options.events ?? (typeof window === 'undefined' ? undefined : window)
  const listeners = new Set<() => void>()
  let doc: VisitDocument = { seenThrough: null, readThrough: null }
  let knownGood: string | null = null
  let unreadable: Unreadable | null = null
  let saveProblem: SaveProblem | null = null
  let baseline: number | null = null

  function readDoc(): void {
    const found = readKey(getStorage, VISIT_KEY)
    if ('problem' in found) {
      saveProblem = found.problem
      return
    }
    if (found.raw === null) return
    const parsed = parseVisit(found.raw)
    if (parsed.ok) {
      doc = parsed.doc
      knownGood = found.raw
      return
    }
    // Kept as it was, reported, and only replaced once a copy exists (decision 020's rule).
    const backupKey = keepCopy(getStorage, VISIT_BACKUP_PREFIX, found.raw, now)
    unreadable = { reason: parsed.reason, raw: found.raw, backupKey }
  }

  function readBaseline(): number | null {
    try {
      const session = getSession()
      const stored = session.getItem(BASELINE_KEY)
      if (stored === 'none') return null
      const value = stored === null ? NaN : Number(stored)
      if (isTime(value)) return value
      // A new visit: what earlier visits saw is this visit's baseline.
      session.setItem(BASELINE_KEY, doc.seenThrough === null ? 'none' : String(doc.seenThrough))
    } catch {
      // No sessionStorage: every load is a new visit; the marker still shows until the dwell.
    }
    return doc.seenThrough
  }

  readDoc()
  baseline = readBaseline()
  let state = snapshot()

  function snapshot(): VisitState {
    return {
      since: baseline === null ? null : later(baseline, doc.readThrough),
      seenThrough: doc.seenThrough,
      unreadable,
      saveProblem,
    }
  }

  function emit() {
    state = snapshot()
    for (const listener of listeners) listener()
  }

  function save(next: VisitDocument) {
    doc = next
    const text = JSON.stringify({ version: VERSION, ...next })
    saveProblem = writeKept({
      getStorage,
      key: VISIT_KEY,
      backupPrefix: VISIT_BACKUP_PREFIX,
      text,
      knownGood,
      isClean: (raw) => parseVisit(raw).ok,
      now,
    })
    if (!saveProblem) knownGood = text
    emit()
  }

  function onStorage(event: StorageEvent) {
    if (event.key !== VISIT_KEY) return
    readDoc()
    emit()
  }

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
    markSeen(time) {
      if (!isTime(time) || (doc.seenThrough !== null && doc.seenThrough >= time)) return
      save({ ...doc, seenThrough: time })
    },
    markAllRead(time) {
      if (!isTime(time)) return
      save({ seenThrough: later(doc.seenThrough, time), readThrough: later(doc.readThrough, time) })
    },
  }
}
