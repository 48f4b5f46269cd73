/**
 * The storage rules of bookmarks (decision 020), for the reading state and the watch list: reads
 * never throw, text that cannot be used is copied to a backup key before anything replaces it (an
 * identical copy is reused, so several tabs do not multiply backups), and a failed write is kept
 * in memory and reported instead of thrown.
 */

/** Why a change lives only in memory: storage is full, or the browser refuses storage. */
export type SaveProblem = 'quota' | 'unavailable'

/** The stored text could not be read as a document of ours; it is kept as it was. */
export interface Unreadable {
  reason: string
  raw: string
  /** Where a copy is kept; null while even the copy cannot be written. */
  backupKey: string | null
}

/** The stored text, null when the key is empty, or the problem when storage refuses to be read. */
export function readKey(
  getStorage: () => Storage,
  key: string,
): { raw: string | null } | { problem: SaveProblem } {
  try {
    return { raw: getStorage().getItem(key) }
  } catch {
    return { problem: 'unavailable' }
  }
}

/** Copies `raw` under `<prefix><ms>` unless an identical copy exists; the key, or null on failure. */
export function keepCopy(
  getStorage: () => Storage,
  prefix: string,
  raw: string,
  now: () => number,
): string | null {
  try {
    const storage = getStorage()
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (key?.startsWith(prefix) && storage.getItem(key) === raw) return key
    }
    const key = `${prefix}${now()}`
    storage.setItem(key, raw)
    return key
  } catch {
    return null
  }
}

/**
 * Writes `text` under `key`. Stored text that is neither `knownGood` (the last text this tab read
 * or wrote) nor a clean document is first copied to a backup key; when the copy fails nothing is
 * written. Returns the problem, or null when the text is stored.
 */
export function writeKept(options: {
  getStorage: () => Storage
  key: string
  backupPrefix: string
  text: string
  knownGood: string | null
  /** Whether stored text is a clean current document (replacing it loses nothing). */
  isClean: (raw: string) => boolean
  now: () => number
}): SaveProblem | null {
  const { getStorage, key, backupPrefix, text, knownGood, isClean, now } = options
  try {
    const storage = getStorage()
    const current = storage.getItem(key)
    if (current !== null && current !== knownGood && current !== text && !isClean(current)) {
      if (keepCopy(getStorage, backupPrefix, current, now) === null) return 'quota'
    }
    storage.setItem(key, text)
    return null
  } catch (error) {
    return error instanceof DOMException && error.name === 'QuotaExceededError'
      ? 'quota'
      : 'unavailable'
  }
}

/** JSON.parse that reports instead of throwing. */
export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown }
  } catch {
    return { ok: false }
  }
}

/** The largest epoch millisecond a Date holds; stored times outside 0…this are unusable. */
export const MAX_TIME = 8.64e15

/** An integer epoch millisecond a Date can hold. */
export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIME
}
