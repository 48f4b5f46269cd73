import { act, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, test, vi } from 'vitest'
import { readSnapshot } from './use-list-snapshot'
import { VirtualList } from './virtual-list'

// Layout comes from test/setup-dom.ts: rows are 200 px, the window 800 px, overscan is 3.

/** The rows in the document with where each sits. */
const layout = () =>
  [...document.querySelectorAll<HTMLElement>('[data-index]')].map(
    // React writes `translateY(…)`, the virtualizer's direct updates `translate3d(0, …, 0)`.
    (row) => `${row.dataset.index}@${/(-?[\d.]+)px/.exec(row.style.transform)?.[1]}px`,
  )

function List(props: {
  historyKey: string
  count?: number
  onRange?: (a: number, b: number) => void
}) {
  return (
    <VirtualList
      count={props.count ?? 1000}
      estimateSize={() => 1000}
      historyKey={props.historyKey}
      onRange={props.onRange}
      label="行"
      renderRow={(index) => <p>row {index}</p>}
    />
  )
}

describe('VirtualList', () => {
  test('renders the rows on screen and a few beyond, in a page as long as the list', async () => {
    const onRange = vi.fn()
    render(<List historyKey="a" onRange={onRange} />)
    expect(layout()).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `${i}@${i * 200}px`))
    expect(screen.getAllByRole('listitem')).toHaveLength(7)
    // Measured rows at their height, the rest at the estimate.
    expect(screen.getByRole('list', { name: '行' }).style.height).toBe(`${7 * 200 + 993 * 1000}px`)
    await waitFor(() => expect(onRange).toHaveBeenLastCalledWith(0, 6, { scrolled: false }))
    act(() => window.scrollTo(0, 1400))
    await waitFor(() => expect(layout()[0]).toBe('4@800px'))
    expect(layout()).toContain('7@1400px')
    await waitFor(() => expect(onRange).toHaveBeenLastCalledWith(4, 13, { scrolled: true }))
  })

  test('coming back to a history entry, rows get the heights measured there before', async () => {
    const first = render(<List historyKey="entry-1" />)
    act(() => window.scrollTo(0, 1400))
    await waitFor(() => expect(layout()).toContain('13@2600px'))
    const before = layout()
    first.unmount()
    // Leaving saved what was measured; the same entry reads it back, another does not.
    expect(readSnapshot('entry-1', 1000)?.sizes).toHaveLength(14)
    expect(readSnapshot('entry-2', 1000)).toBeUndefined()
    // With the page already at 1,400 px (the router restores it), the first render places the
    // same rows where they were; with estimates only, 1,400 px would fall inside row 1.
    render(<List historyKey="entry-1" />)
    expect(layout()).toEqual(before)
  })

  test('without a snapshot the same position shows other rows (what the test above rules out)', async () => {
    act(() => window.scrollTo(0, 1400))
    render(<List historyKey="fresh" />)
    expect(layout()[0]).not.toBe('4@800px')
  })

  test('a reload saves the measurements too (pagehide)', async () => {
    render(<List historyKey="reloaded" />)
    expect(readSnapshot('reloaded', 1000)).toBeUndefined()
    window.dispatchEvent(new Event('pagehide'))
    expect(readSnapshot('reloaded', 1000)?.sizes).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => [i, 200]),
    )
  })
})
