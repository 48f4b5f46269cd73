import { expect, test, vi } from 'vitest'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router-dom'
import { toExportFile } from '../api/bookmark-file'
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  createBookmarkStore,
  type BookmarkStore,
} from '../api/bookmark-store'
import type { Bookmark } from '../api/bookmark-schema'
import { BookmarkStoreProvider } from '../hooks/bookmark-store-context'
import { makeBookmark, tabStorage } from '../testing/bookmark-fixtures'
import type { UseArchiveStatus } from '../types/archive-lookup'
import { BookmarksPage } from './bookmarks-page'

const MISSING_ID = makeBookmark(2).itemId
const archiveStatus: UseArchiveStatus = (b) =>
  b.itemId === MISSING_ID ? { status: 'missing' } : { status: 'unknown' }

function renderPage(store: BookmarkStore, archive: UseArchiveStatus = archiveStatus) {
  return render(
    <MemoryRouter initialEntries={['/bookmarks']}>
      <BookmarkStoreProvider store={store}>
        <BookmarksPage useArchiveStatus={archive} />
      </BookmarkStoreProvider>
    </MemoryRouter>,
  )
}

function storeWith(...bookmarks: Bookmark[]) {
  const store = createBookmarkStore()
  for (const b of bookmarks) store.add(b)
  return store
}

const listedTitles = () =>
  within(screen.getByRole('list', { name: '收藏列表' }))
    .getAllByRole('heading')
    .map((h) => h.textContent)

test('empty state explains how to bookmark', () => {
  renderPage(createBookmarkStore())
  expect(screen.getByText('还没有收藏')).toBeTruthy()
  expect(screen.getByText(/按 b/)).toBeTruthy()
})

test('lists newest first, marks items no longer in the archive, and filters', async () => {
  renderPage(storeWith(makeBookmark(1), makeBookmark(3, { note: '重要' }), makeBookmark(2)))
  expect(listedTitles()).toEqual(['条目 3', '条目 2', '条目 1'])
  expect(screen.getAllByText('已不在存档中')).toHaveLength(1)
  expect(screen.getByRole('link', { name: '条目 1' }).getAttribute('href')).toBe(
    `/items/${makeBookmark(1).itemId}`,
  )
  // The digest it came from links there, scrolled to the item; a missing item's digest does not.
  const digests = screen.getAllByRole('link', { name: '2025.12.22.04 过去4小时全球AI发生了什么？' })
  expect(digests.map((a) => a.getAttribute('href'))).toEqual([
    `/digests/2025-12-22-04#${makeBookmark(3).itemId}`,
    `/digests/2025-12-22-04#${makeBookmark(1).itemId}`,
  ])
  const original = screen.getAllByRole('link', { name: /原文/ })[0]
  expect(original.getAttribute('target')).toBe('_blank')
  expect(original.getAttribute('rel')).toBe('noopener noreferrer')

  await userEvent.type(screen.getByRole('searchbox', { name: '筛选收藏' }), '重要')
  expect(listedTitles()).toEqual(['条目 3'])
})

test('a long list has only the rows on screen in the page, each resolved as it appears', async () => {
  // New with the virtual list (importing 30,000 bookmarks used to render them all): rows are
  // 200 px in jsdom (test/setup-dom.ts), so the first screen holds rows 0–6.
  const bookmarks = Array.from({ length: 40 }, (_, i) => makeBookmark(i + 1))
  const asked = vi.fn<UseArchiveStatus>(() => ({ status: 'unknown' }))
  renderPage(storeWith(...bookmarks), asked)
  const newestFirst = [...bookmarks].reverse()
  const titles = (from: number, to: number) => newestFirst.slice(from, to).map((b) => b.title)
  expect(listedTitles()).toEqual(titles(0, 7))
  expect(screen.getByText('共 40 条 · 保存在这个浏览器中')).toBeTruthy()
  const resolved = () => new Set(asked.mock.calls.map(([b]) => b.title))
  // Before its rows are measured the list guesses 150 px each, so rows 7 and 8 may have shown.
  expect([...resolved()].sort()).toEqual(expect.arrayContaining(titles(0, 7)))
  expect(titles(0, 9)).toEqual(expect.arrayContaining([...resolved()]))
  act(() => window.scrollTo(0, 4000))
  await waitFor(() => expect(listedTitles()).toContain(newestFirst[20]!.title))
  expect(listedTitles().length).toBeLessThan(15)
  expect(resolved()).toContain(newestFirst[20]!.title)
  expect(resolved()).not.toContain(newestFirst[39]!.title)
  // A filter makes a list of its own (with its own measurements).
  await userEvent.type(screen.getByRole('searchbox', { name: '筛选收藏' }), '条目 4')
  await waitFor(() => expect(listedTitles()).toEqual(['条目 40', '条目 4']))
})

test('a note is saved on Enter, and Escape drops an edit', async () => {
  const store = storeWith(makeBookmark(1))
  renderPage(store)
  const note = screen.getByRole('textbox', { name: '备注：条目 1' })
  await userEvent.type(note, '周末细读{Enter}')
  expect(store.getSnapshot().bookmarks[0].note).toBe('周末细读')
  expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).bookmarks[0].note).toBe('周末细读')
  await userEvent.type(note, ' 不要{Escape}')
  expect((note as HTMLInputElement).value).toBe('周末细读')
  expect(store.getSnapshot().bookmarks[0].note).toBe('周末细读')
})

test('import merges and reports what was added; a foreign file changes nothing', async () => {
  const store = storeWith(makeBookmark(1))
  renderPage(store)
  const input = screen.getByLabelText('导入收藏文件')
  const file = toExportFile(
    [
      makeBookmark(1, { note: '新', updatedAt: '2027-01-01T00:00:00.000Z' }),
      makeBookmark(2),
      makeBookmark(3),
    ],
    new Date(),
  )
  await userEvent.upload(input, new File([file], 'b.json', { type: 'application/json' }))
  expect(await screen.findByText('新增 2 条，更新 1 条')).toBeTruthy()
  expect(store.getSnapshot().bookmarks).toHaveLength(3)

  const before = localStorage.getItem(STORAGE_KEY)
  await userEvent.upload(
    input,
    new File(['{"schemaVersion":1}'], 'x.json', { type: 'application/json' }),
  )
  expect((await screen.findByRole('alert')).textContent).toContain(
    '不是 Digest Reader 导出的收藏文件',
  )
  expect(localStorage.getItem(STORAGE_KEY)).toBe(before)
})

test('remove can be undone', async () => {
  const store = storeWith(makeBookmark(1))
  renderPage(store)
  await userEvent.click(screen.getByRole('button', { name: '移除收藏：条目 1' }))
  expect(store.getSnapshot().bookmarks).toEqual([])
  await userEvent.click(screen.getByRole('button', { name: '撤销' }))
  expect(store.getSnapshot().bookmarks).toEqual([makeBookmark(1)])
})

test('corrupt storage is explained and a fresh start keeps the backup', async () => {
  localStorage.setItem(STORAGE_KEY, '{oops')
  const store = createBookmarkStore()
  renderPage(store)
  expect(screen.getByText('无法读取已保存的收藏')).toBeTruthy()
  expect(screen.getByRole('button', { name: '下载备份' })).toBeTruthy()
  expect(screen.queryByText('还没有收藏')).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: '重新开始（保留备份）' }))
  expect(screen.queryByText('无法读取已保存的收藏')).toBeNull()
  expect(screen.getByText(/1 份旧数据备份/)).toBeTruthy()
})

test('a full storage shows that changes are not saved', async () => {
  const store = storeWith(makeBookmark(1))
  renderPage(store)
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  await userEvent.click(screen.getByRole('button', { name: '移除收藏：条目 1' }))
  expect(screen.getByText('浏览器存储空间已满')).toBeTruthy()
  expect(screen.getByText('共 0 条 · 尚未保存')).toBeTruthy()
  expect(screen.getByText('还没有收藏')).toBeTruthy()
})

test('a bookmark migrated without a snapshot is filled in from the current content', () => {
  const bare = makeBookmark(1, { title: 'old title', url: undefined, excerpt: '', digestTitle: '' })
  renderPage(storeWith(bare), () => ({
    status: 'present',
    title: '当前标题',
    url: 'https://example.com/post',
    digestTitle: '当前期刊',
    digestDate: '2025-12-22T04:08:38+08:00',
    text: '当前摘要',
  }))
  expect(screen.getByRole('link', { name: '当前标题' })).toBeTruthy()
  expect(screen.getByText('当前摘要')).toBeTruthy()
  expect(screen.getByText('当前期刊')).toBeTruthy()
  expect(screen.getByRole('link', { name: /原文/ }).getAttribute('href')).toBe(
    'https://example.com/post',
  )
})

test('storage the browser refuses (private mode) is explained before anything is lost', async () => {
  const store = createBookmarkStore({
    storage: () => {
      throw new DOMException('denied', 'SecurityError')
    },
  })
  renderPage(store)
  expect(screen.getByText('浏览器不允许保存数据')).toBeTruthy()
})

const isBackupKey = (key: string) => key.startsWith(BACKUP_PREFIX)

/** Catches `downloadText` downloads (jsdom neither makes object URLs nor follows links). */
function captureDownloads() {
  const blobs = new Map<string, Blob>()
  const files: { name: string; blob: Blob }[] = []
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = () => {}
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: blobs.get(this.href)! })
  })
  return files
}

const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })

test("another tab's write keeps this page's unsaved bookmarks, and it still says not saved", () => {
  const store = createBookmarkStore({ storage: tabStorage(() => true) })
  renderPage(store)
  act(() => store.add(makeBookmark(1)))
  act(() => {
    createBookmarkStore({ events: new EventTarget() as unknown as Window }).add(makeBookmark(3))
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
  })
  expect(listedTitles()).toEqual(['条目 3', '条目 1'])
  expect(screen.getByText('共 2 条 · 尚未保存')).toBeTruthy()
  expect(screen.getByText('浏览器存储空间已满')).toBeTruthy()
})

test('unreadable data with no room for a backup: download the raw text, start fresh refuses', async () => {
  const raw = '{"version":2,"bookm'
  localStorage.setItem(STORAGE_KEY, raw)
  const store = createBookmarkStore({ storage: tabStorage(isBackupKey) })
  renderPage(store)
  expect(screen.getByText(/请先下载原始数据/)).toBeTruthy()

  const files = captureDownloads()
  await userEvent.click(screen.getByRole('button', { name: '下载原始数据' }))
  expect(files.map((f) => f.name)).toEqual([
    expect.stringMatching(/^digest-reader-bookmarks-raw-\d+\.txt$/),
  ])
  expect(await textOf(files[0].blob)).toBe(raw)

  await userEvent.click(screen.getByRole('button', { name: '重新开始（保留备份）' }))
  expect(localStorage.getItem(STORAGE_KEY)).toBe(raw)
  expect(screen.getByText('无法读取已保存的收藏')).toBeTruthy()
  expect(screen.getByText(/所以没有重新开始/)).toBeTruthy()
})

test('an upgrade whose old document cannot be backed up shows as not saved', () => {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify([{ id: makeBookmark(1).itemId, title: '旧的收藏', savedAt: 0 }]),
  )
  renderPage(createBookmarkStore({ storage: tabStorage(isBackupKey) }))
  expect(listedTitles()).toEqual(['旧的收藏'])
  expect(screen.getByText('共 1 条 · 尚未保存')).toBeTruthy()
  expect(screen.getByText('浏览器存储空间已满')).toBeTruthy()
})

test('a file over the size limit is refused before it is read, naming both sizes', async () => {
  const store = storeWith(makeBookmark(1))
  renderPage(store)
  const file = new File(['{}'], 'huge.json', { type: 'application/json' })
  // jsdom would need the bytes for a real 30 MB file; the size is all the check looks at.
  Object.defineProperty(file, 'size', { value: 30 * 1024 * 1024 })
  const read = vi.spyOn(FileReader.prototype, 'readAsText')
  await userEvent.upload(screen.getByLabelText('导入收藏文件'), file)
  expect((await screen.findByRole('alert')).textContent).toBe(
    '导入失败：文件有 30 MB，最大可导入 20 MB。收藏没有任何改动。',
  )
  expect(read).not.toHaveBeenCalled()
  expect(store.getSnapshot().bookmarks).toHaveLength(1)
})

test('a file with more bookmarks than the limit is refused with the count, changing nothing', async () => {
  const store = storeWith(makeBookmark(1))
  renderPage(store)
  const before = localStorage.getItem(STORAGE_KEY)
  const text = JSON.stringify({
    format: 'digest-reader-bookmarks',
    version: 2,
    exportedAt: '',
    bookmarks: Array.from({ length: 20_001 }, () => ({})),
  })
  await userEvent.upload(
    screen.getByLabelText('导入收藏文件'),
    new File([text], 'many.json', { type: 'application/json' }),
  )
  expect((await screen.findByRole('alert')).textContent).toBe(
    '导入失败：文件中有 20,001 条收藏，一次最多可导入 20,000 条。收藏没有任何改动。',
  )
  expect(localStorage.getItem(STORAGE_KEY)).toBe(before)
})
