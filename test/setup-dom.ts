import { afterEach, beforeEach, vi } from 'vitest'
import { cleanup, configure } from '@testing-library/react'

/**
 * jsdom has no layout: every element is 0 px tall and the window never scrolls. Virtual lists
 * (@tanstack/react-virtual) measure their rows' `offsetHeight` and read the window's `innerHeight`
 * and `scrollY`; with 0 px rows every row would fit on screen, so they would render them all, one
 * nested update per measurement, until React gives up. This is the one place that gives tests a
 * layout: a row of a virtual list (an element with `data-index`) is VIRTUAL_ROW_PX tall, other
 * elements 0 px, every element at the top of the document, the window WINDOW_PX tall, `window.scrollTo` moves `scrollY` and fires `scroll`, and a ResizeObserver reports
 * sizes (rows mounted while scrolling are measured through it, as in a browser). A list at the top
 * of the page then renders 4 rows on screen plus its overscan of 3: rows 0–6.
 */
// findBy…/waitFor wait for a condition up to this long (1 s by default): rows render in a
// background pass, which a busy 2-core machine can take seconds to reach. 5 s was not enough:
// with two test workers and other work on the CI machine's two cores, the first screen of a
// whole-app render took 6–7 s (CI failed the timeline's first-screen tests on it). The cap only
// bounds a wait for a condition; a passing test never waits for it.
configure({ asyncUtilTimeout: 15_000 })

export const VIRTUAL_ROW_PX = 200
export const WINDOW_PX = 800

Object.defineProperty(window, 'innerHeight', { configurable: true, value: WINDOW_PX })
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.hasAttribute('data-index') ? VIRTUAL_ROW_PX : 0
  },
})
// Every element sits at the top of the document: on screen at -scrollY, as tall as offsetHeight.
HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
  return new DOMRect(0, -window.scrollY, 0, this.offsetHeight)
}
function scrollWindow(y: number) {
  Object.defineProperty(window, 'scrollY', { configurable: true, writable: true, value: y })
  Object.defineProperty(window, 'pageYOffset', { configurable: true, writable: true, value: y })
  // As in a browser, the position changes at once and listeners hear of it in a later task
  // (a scroll event fired inside React's commit would re-render during it).
  setTimeout(() => window.dispatchEvent(new Event('scroll')), 0)
}
window.scrollTo = ((x?: number | ScrollToOptions, y?: number) => {
  const asked = typeof x === 'object' ? x.top : y
  // As a browser does, a position above the top is the top (a virtualizer correcting the scroll
  // for a row measured above it may ask for one).
  const top = typeof asked === 'number' ? Math.max(0, asked) : asked
  if (typeof top === 'number' && top !== window.scrollY) scrollWindow(top)
}) as typeof window.scrollTo

/**
 * Reports each observed element's size a task after `observe`, as a browser first does, and again
 * a task after its content changes (cards added, an attribute set), where a browser's layout would
 * change its size: a feed row filling in over frames is measured once whole (virtual-list.tsx).
 */
class LayoutResizeObserver implements ResizeObserver {
  private observed = new Map<Element, MutationObserver>()
  constructor(private readonly callback: ResizeObserverCallback) {}
  private report(target: Element) {
    setTimeout(() => {
      if (!this.observed.has(target)) return
      const height = (target as HTMLElement).offsetHeight
      const size = [{ blockSize: height, inlineSize: 0 }]
      const entry = {
        target,
        borderBoxSize: size,
        contentBoxSize: size,
        devicePixelContentBoxSize: size,
        contentRect: new DOMRect(0, 0, 0, height),
      }
      this.callback([entry], this)
    }, 0)
  }
  observe(target: Element) {
    if (this.observed.has(target)) return
    const changes = new MutationObserver(() => this.report(target))
    changes.observe(target, { subtree: true, childList: true, attributes: true })
    this.observed.set(target, changes)
    this.report(target)
  }
  unobserve(target: Element) {
    this.observed.get(target)?.disconnect()
    this.observed.delete(target)
  }
  disconnect() {
    for (const changes of this.observed.values()) changes.disconnect()
    this.observed.clear()
  }
}
window.ResizeObserver = LayoutResizeObserver

// A test that logs console.error fails: React warnings and failed loads are bugs, not noise.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error in test: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  localStorage.clear()
  sessionStorage.clear()
  if (window.scrollY !== 0) scrollWindow(0)
})
