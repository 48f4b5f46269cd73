import { useInfiniteQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { ItemRef, RefList } from '@/types/topics'
import { topicQueries } from '@/lib/archive/topic-queries'
import { useT } from '@/lib/i18n'
import { VirtualList } from '@/components/ui/virtual-list'
import { ItemRefRow } from '@/components/item-ref-row'

/**
 * A topic's or source's items, newest first: the shard's newest ones at once, older pages as the
 * reader asks for them. Only the rows on screen are in the document.
 */
export function RefListView({
  list,
  historyKey,
  label,
  noteOf,
}: {
  list: RefList
  historyKey: string
  label: string
  noteOf?: (ref: ItemRef) => ReactNode
}) {
  const t = useT()
  const older = useInfiniteQuery({
    queryKey: ['archive', 'ref-pages', ...list.older],
    queryFn: async ({ client, pageParam }) =>
      (await client.ensureQueryData(topicQueries.page(list.older[pageParam]!))).items,
    initialPageParam: 0,
    getNextPageParam: (_last, pages) =>
      pages.length < list.older.length ? pages.length : undefined,
    enabled: false,
  })
  const items = [...list.items, ...(older.data?.pages.flat() ?? [])]
  const more = list.older.length > (older.data?.pages.length ?? 0)
  return (
    <>
      <VirtualList
        key={historyKey}
        label={label}
        count={items.length}
        estimateSize={() => 76}
        historyKey={historyKey}
        renderRow={(i) => <ItemRefRow refItem={items[i]!} note={noteOf?.(items[i]!)} />}
      />
      {more && (
        <button
          type="button"
          onClick={() => void (older.data ? older.fetchNextPage() : older.refetch())}
          disabled={older.isFetching}
          className="mt-4 w-full rounded-md border border-stone-300 py-2 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          {older.isFetching
            ? t({ zh: '正在加载…', en: 'Loading…' })
            : t({
                zh: `显示更早的条目（共 ${list.total} 条）`,
                en: `Show older items (${list.total} in all)`,
              })}
        </button>
      )}
    </>
  )
}
