import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import {
  measureElement,
  useWindowVirtualizer,
  type VirtualItem,
  type Virtualizer,
} from '@tanstack/react-virtual'
import { initialMeasurements, readSnapshot, useSaveSnapshot } from './use-list-snapshot'

/** Rows rendered beyond the viewport on each side. */
const OVERSCAN = 3

/**
 * A list of any length in the page's own scroll: only the rows on screen (and a few beyond) are in
 * the document, while the page is as long as the whole list. Heights are measured as rows render
 * and kept per history entry (`historyKey`), so back, forward and reload give the page its old
 * length and the router's saved scroll position lands on the same row. A row that fills in over
 * several frames marks its root element `data-filling` meanwhile, and is measured once whole.
 */
export function VirtualList({
  count,
  estimateSize,
  historyKey,
  renderRow,
  onRange,
  className,
  label,
}: {
  count: number
  /** A guess for rows not yet measured. */
  estimateSize: (index: number) => number
  historyKey: string
  /**
   * A row; `reserve` is its height last time, kept while its content loads; `mountedBelow` says
   * the row first rendered below the bottom of the screen (ahead of a reader scrolling down), where
   * it may fill in over frames.
   */
  renderRow: RenderRow
  /**
   * The rows now rendered, for fetching ahead or loading the next page; `scrolled` says whether the
   * page is scrolled at all (from the list's last scroll event: reading `window.scrollY` here, just
   * after React added rows, forced a layout of them inside the commit, 27–54 ms a row on the real
   * corpora).
   */
  onRange?: (first: number, last: number, where: { scrolled: boolean }) => void
  className?: string
  /** Names the list for assistive technology; rows are then list items. */
  label?: string
}) {
  const list = useRef<HTMLDivElement>(null)
  const [snapshot] = useState(() => readSnapshot(historyKey, count))
  const [margin, setMargin] = useState(snapshot?.margin ?? 0)
  useLayoutEffect(() => {
    const node = list.current
    if (node) setMargin(Math.round(node.getBoundingClientRect().top + window.scrollY))
  }, [])
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin: margin,
    initialMeasurementsCache: initialMeasurements(snapshot),
    // The virtualizer scrolls to this when it mounts: where the list was left (the router restores
    // the same position), not the top, which would undo the restoration.
    initialOffset: () => snapshot?.scrollY ?? window.scrollY,
    getItemKey: (index) => index,
    // A row whose root says `data-filling` is still adding content over frames: its height is
    // not final, so it keeps the one it has (measured before, or the estimate) until it is.
    measureElement: (element, entry, instance) => {
      if (!element.firstElementChild?.hasAttribute('data-filling'))
        return measureElement(element, entry, instance)
      const index = instance.indexFromElement(element)
      return instance.itemSizeCache.get(index) ?? instance.options.estimateSize(index)
    },
    // Scrolling moves rows by writing their transforms directly; React renders again only when
    // rows enter or leave, and not inside the scroll event. Re-rendering every row on every scroll
    // event, synchronously, made frames of 100 ms.
    directDomUpdates: true,
    useFlushSync: false,
  })
  // Before the first row is measured: measurements arrive from a ResizeObserver, after layout.
  useLayoutEffect(() => keepRowsOnScreenStill(virtualizer), [virtualizer])
  const { containerRef } = virtualizer
  const setContainer = useCallback(
    (node: HTMLDivElement | null) => {
      list.current = node
      containerRef(node)
    },
    [containerRef],
  )
  useSaveSnapshot(historyKey, virtualizer, { total: count, margin })
  // Rows that scroll into view mount in a background render React can interrupt, so a row of
  // eleven item cards never holds up a frame; the rows already there keep moving meanwhile.
  const deferred = useDeferredValue(virtualizer.getVirtualItems())
  // The deferred rows may still be those of a longer list (results of the previous query).
  const rows = deferred.filter((row) => row.index < count)
  const bottom = (virtualizer.scrollOffset ?? 0) - margin + window.innerHeight
  const first = rows[0]?.index ?? 0
  const last = rows.at(-1)?.index ?? -1
  useEffect(() => {
    if (last >= 0) onRange?.(first, last, { scrolled: (virtualizer.scrollOffset ?? 0) > 0 })
  }, [first, last, onRange, virtualizer])
  return (
    <div
      ref={setContainer}
      className={`relative ${className ?? ''}`}
      style={{ height: virtualizer.getTotalSize() }}
      role={label ? 'list' : undefined}
      aria-label={label}
    >
      {rows.map((row) => (
        <div
          key={row.key}
          data-index={row.index}
          role={label ? 'listitem' : undefined}
          ref={virtualizer.measureElement}
          className="absolute top-0 left-0 w-full"
          style={{ transform: `translateY(${row.start - margin}px)` }}
        >
          <Row
            index={row.index}
            reserve={virtualizer.itemSizeCache.has(row.key) ? row.size : undefined}
            below={row.start - margin > bottom}
            render={renderRow}
          />
        </div>
      ))}
    </div>
  )
}

/**
 * Sets which rows, changing height, move the page by as much, so the rows on screen stay where
 * the reader sees them. Any row wholly above the top of the screen does, whichever way the reader
 * last scrolled: a digest's placeholder turning whole there grows it by thousands of pixels. (The
 * virtualizer's own rule skips rows measured before once the last scroll went up: a row of the
 * oldest digests mounting above, after the reader scrolled up to them, pushed what they were
 * reading 1,371 px down.) A row that spans the top grows below it, where moving the page would
 * drag what is on screen with it.
 */
function keepRowsOnScreenStill(virtualizer: Virtualizer<Window, Element>) {
  // An instance property, not an option: the virtualizer reads it from itself.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (row: VirtualItem, _delta, list) => {
    const top = list.scrollOffset ?? 0
    return row.end <= top || (!list.itemSizeCache.has(row.key) && row.start < top)
  }
}

type RenderRow = (
  index: number,
  reserve: number | undefined,
  where: { mountedBelow: boolean },
) => ReactNode

/**
 * A row renders again only when its index, reserve or the list's render function change; where it
 * first rendered is kept from its mount.
 */
const Row = memo(function Row({
  index,
  reserve,
  below,
  render,
}: {
  index: number
  reserve: number | undefined
  below: boolean
  render: RenderRow
}) {
  const [mountedBelow] = useState(below)
  return render(index, reserve, { mountedBelow })
})
