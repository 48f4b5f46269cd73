import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { VirtualItem, Virtualizer } from '@tanstack/react-virtual'

/**
 * What a virtual list measured, kept per history entry: coming back (back/forward, reload) the
 * feed starts with the same row heights, so the page has the same length and the router's saved
 * scroll position lands on the same digest, not on an estimate of where it might be.
 */
export interface ListSnapshot {
  total: number
  /** The list's distance from the top of the document. */
  margin: number
  /** The window's scroll position when it was saved. */
  scrollY: number
  /** Measured rows as [index, height]. */
  sizes: [number, number][]
}

const storageKey = (key: string) => `digest-reader:list:${key}`

/** The snapshot saved for this history entry, if it fits a feed of `total` rows. */
export function readSnapshot(historyKey: string, total: number): ListSnapshot | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(storageKey(historyKey)) ?? 'null') as unknown
    if (!isSnapshot(value) || value.total !== total) return undefined
    return value
  } catch {
    return undefined
  }
}

function isSnapshot(value: unknown): value is ListSnapshot {
  if (typeof value !== 'object' || value === null) return false
  const { total, margin, scrollY, sizes } = value as Record<string, unknown>
  return (
    typeof total === 'number' &&
    typeof margin === 'number' &&
    typeof scrollY === 'number' &&
    scrollY >= 0 &&
    Array.isArray(sizes) &&
    sizes.every(
      (s) =>
        Array.isArray(s) &&
        Number.isInteger(s[0]) &&
        typeof s[1] === 'number' &&
        s[1] >= 0 &&
        s[1] < 1e6,
    )
  )
}

/** The snapshot's rows as the virtualizer's initial measurements. */
export function initialMeasurements(snapshot?: ListSnapshot): VirtualItem[] {
  return (snapshot?.sizes ?? []).map(([index, size]) => ({
    index,
    key: index,
    start: 0,
    end: size,
    size,
    lane: 0,
  }))
}

/** Saves the list's measurements when the reader leaves the entry (navigation or reload). */
export function useSaveSnapshot(
  historyKey: string,
  virtualizer: Virtualizer<Window, Element>,
  layout: { total: number; margin: number },
): void {
  const latest = useRef(layout)
  useEffect(() => {
    latest.current = layout
  })

  const [save] = useState(() => () => {
    const { total, margin } = latest.current
    const sizes = virtualizer
      .takeSnapshot()
      .map((item): [number, number] => [item.index, Math.round(item.size * 100) / 100])
    try {
      sessionStorage.setItem(
        storageKey(historyKey),
        JSON.stringify({ total, margin, scrollY: window.scrollY, sizes } satisfies ListSnapshot),
      )
    } catch {
      // Without storage a list comes back with estimated heights; the position is then approximate.
    }
  })
  // A layout effect's cleanup runs while the page is still where the reader left it: a plain
  // effect's runs after the router has scrolled the next page to its top.
  useLayoutEffect(() => {
    window.addEventListener('pagehide', save)
    return () => {
      window.removeEventListener('pagehide', save)
      save()
    }
  }, [save])
}
