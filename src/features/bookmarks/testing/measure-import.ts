/**
 * Times the import of large bookmark files, the way the page runs it (parse, read entries, merge,
 * save into a storage with a browser-like 5 M character quota), and the longest stretch the thread
 * was blocked, measured by a 0 ms timer that records the gaps between its runs. Not a test: run it
 * by hand, `npx tsx --tsconfig tsconfig.app.json src/features/bookmarks/testing/measure-import.ts`
 * Rendering is not included.
 */
import { parseImportFile, toExportFile } from '../api/bookmark-file'
import type { Bookmark } from '../api/bookmark-schema'
import { createBookmarkStore } from '../api/bookmark-store'
import { memoryStorage } from './bookmark-fixtures'

const HAN = '模型推理训练数据开源发布研究团队公司产品用户'
const han = (n: number, length: number) =>
  Array.from({ length }, (_, i) => HAN[(n * 7 + i) % HAN.length]).join('')

/** A bookmark shaped like real ones (Chinese title and excerpt, an x.com link), ~600 bytes. */
function bookmark(n: number): Bookmark {
  const at = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString()
  const day = `2025-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`
  const digestId = `${day}-04`
  return {
    itemId: `${digestId}-${n.toString(16).padStart(8, '0')}`,
    title: han(n, 30),
    url: `https://x.com/user${n % 500}/status/${2002765844682862597n + BigInt(n)}`,
    digestId,
    digestDate: `${day}T04:08:38+08:00`,
    digestTitle: `${digestId} 过去4小时全球AI发生了什么？`,
    excerpt: han(n + 1, 36),
    savedAt: at,
    note: n % 10 === 0 ? '回头细读' : '',
    updatedAt: at,
  }
}

async function measure(count: number) {
  const file = toExportFile(
    Array.from({ length: count }, (_, i) => bookmark(i)),
    new Date(),
  )
  const megabytes = new TextEncoder().encode(file).length / 1024 / 1024
  const store = createBookmarkStore({
    storage: () => memoryStorage(5_000_000),
    events: new EventTarget() as unknown as Window,
  })
  let last = performance.now()
  let longest = 0
  let beating = true
  const beat = () => {
    const t = performance.now()
    longest = Math.max(longest, t - last)
    last = t
    if (beating) setTimeout(beat, 0)
  }
  setTimeout(beat, 0)
  await new Promise((resolve) => setTimeout(resolve, 20))
  const start = performance.now()
  const parsed = await parseImportFile(file)
  const result = parsed.ok ? store.importBookmarks(parsed.bookmarks) : parsed.error
  const total = performance.now() - start
  await new Promise((resolve) => setTimeout(resolve, 20))
  beating = false
  return {
    bookmarks: count,
    megabytes: +megabytes.toFixed(1),
    totalMs: Math.round(total),
    longestTaskMs: Math.round(longest),
    result,
  }
}

for (const count of [30_000, 20_000, 10_000, 1_000])
  console.log(JSON.stringify(await measure(count)))
