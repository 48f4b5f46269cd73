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
