/** An item card on screen and where it was in the viewport. */
interface Anchor {
  itemId: string
  top: number
}

/** Frames the place is held for, at most, while rows above it render and measure themselves. */
const MAX_FRAMES = 240
/** Frames in a row without a correction, after the first one, at which the list has settled. */
const SETTLED_FRAMES = 20
/** The reader taking over: the place is theirs again. */
const READER_EVENTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const

function cardOf(itemId: string): Element | null {
  return document.querySelector(`[data-item-id="${CSS.escape(itemId)}"]`)
}

/**
 * The first item card the reader sees (below the sticky header, if any), or null at the top of
 * the page, where the new digests should simply appear.
 */
export function readingAnchor(): Anchor | null {
  if (window.scrollY < 1) return null
  // The header covers the top of the viewport only where it is sticky (wider screens).
  const header = document.querySelector('header')
  const sticky = header && getComputedStyle(header).position === 'sticky'
  const edge = sticky ? Math.max(0, header.getBoundingClientRect().bottom) : 0
  // The first card that starts below the edge: the one the reader's eye is on; else the one the
  // edge cuts through (a card taller than the screen).
  let cut: Anchor | null = null
  for (const card of document.querySelectorAll('[data-item-id]')) {
    const rect = card.getBoundingClientRect()
    const itemId = card.getAttribute('data-item-id')!
    if (rect.top >= edge) return { itemId, top: rect.top }
    if (rect.bottom > edge) cut ??= { itemId, top: rect.top }
  }
  return cut
}

/**
 * Keeps `anchor` at the same place in the viewport while the list changes above it: rows inserted
 * above (new digests) move it down, and they only get their real height once rendered, so the
 * correction runs each frame until nothing moves for a few frames.
 */
export function holdReadingPlace(anchor: Anchor | null): Promise<void> {
  if (!anchor) return Promise.resolve()
  return new Promise((resolve) => {
    let frames = 0
    let still = 0
    let corrected = false
    let stopped = false
    const stop = () => {
      stopped = true
      for (const type of READER_EVENTS) window.removeEventListener(type, stop)
      resolve()
    }
    for (const type of READER_EVENTS) window.addEventListener(type, stop, { passive: true })
    const step = () => {
      if (stopped) return
      const card = cardOf(anchor.itemId)
      const delta = card ? card.getBoundingClientRect().top - anchor.top : 0
      if (Math.abs(delta) >= 1) {
        window.scrollBy(0, delta)
        corrected = true
        still = 0
      } else still++
      // The new rows render in a background pass: until the first correction the change may
      // simply not have landed yet, so only a settled list after one ends the hold early.
      if (++frames >= MAX_FRAMES || (corrected && still >= SETTLED_FRAMES)) stop()
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
}
