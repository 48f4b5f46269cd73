/** An item card on screen and where it was in the viewport. */
interface Anchor {
  itemId: string
  top: number
}

/** Frames the place is held for while rows above it render and measure themselves. */
const MAX_FRAMES = 90
/** Frames in a row without a correction after which the list has settled. */
const SETTLED_FRAMES = 5

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
  for (const card of document.querySelectorAll('[data-item-id]')) {
    const rect = card.getBoundingClientRect()
    if (rect.bottom > edge) return { itemId: card.getAttribute('data-item-id')!, top: rect.top }
  }
  return null
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
    const step = () => {
      const card = cardOf(anchor.itemId)
      if (card) {
        const delta = card.getBoundingClientRect().top - anchor.top
        if (Math.abs(delta) >= 1) {
          window.scrollBy(0, delta)
          still = 0
        } else still++
      }
      if (++frames >= MAX_FRAMES || still >= SETTLED_FRAMES) resolve()
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
}
