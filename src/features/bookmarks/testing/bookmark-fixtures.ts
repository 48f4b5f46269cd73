import type { Bookmark } from '../api/bookmark-schema'

/** A bookmark for tests; fields can be overridden. */
export function makeBookmark(n: number, overrides: Partial<Bookmark> = {}): Bookmark {
  const savedAt = new Date(Date.UTC(2026, 0, n, 12)).toISOString()
  return {
    itemId: `2025-12-22-04-0000000${n}`,
    title: `条目 ${n}`,
    url: `https://x.com/a/status/${n}`,
    digestId: '2025-12-22-04',
    digestDate: '2025-12-22T04:08:38+08:00',
    digestTitle: '2025.12.22.04 过去4小时全球AI发生了什么？',
    excerpt: `摘要 ${n}`,
    savedAt,
    note: '',
    updatedAt: savedAt,
    ...overrides,
  }
}

/**
 * localStorage as one tab sees it, for stores standing in for separate tabs: writes throw
 * `QuotaExceededError` while `full(key)` says so, reads and other tabs' writes go through.
 */
export function tabStorage(full: (key: string) => boolean): () => Storage {
  const storage: Storage = {
    get length() {
      return localStorage.length
    },
    key: (index) => localStorage.key(index),
    getItem: (key) => localStorage.getItem(key),
    setItem: (key, value) => {
      if (full(key)) throw new DOMException('full', 'QuotaExceededError')
      localStorage.setItem(key, value)
    },
    removeItem: (key) => localStorage.removeItem(key),
    clear: () => localStorage.clear(),
  }
  return () => storage
}

/**
 * A Map-backed Storage, much faster than jsdom's for properties run thousands of times; writes
 * beyond `quota` characters (keys and values, as browsers count) throw `QuotaExceededError`.
 */
export function memoryStorage(quota = Infinity): Storage {
  const map = new Map<string, string>()
  let used = 0
  return {
    get length() {
      return map.size
    },
    key: (index) => [...map.keys()][index] ?? null,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      const before = map.has(key) ? key.length + map.get(key)!.length : 0
      if (used - before + key.length + value.length > quota) {
        throw new DOMException('full', 'QuotaExceededError')
      }
      used += key.length + value.length - before
      map.set(key, value)
    },
    removeItem: (key) => {
      if (map.has(key)) used -= key.length + map.get(key)!.length
      map.delete(key)
    },
    clear: () => {
      map.clear()
      used = 0
    },
  }
}
