import { useEffect } from 'react'
import { isPlainKey, isTypingTarget } from '@/lib/keyboard'

const cards = () => Array.from(document.querySelectorAll<HTMLElement>('main [data-item-id]'))
const focusedCard = () =>
  (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-item-id]') ?? null

function move(step: 1 | -1) {
  const list = cards()
  if (list.length === 0) return
  const current = focusedCard()
  let index = current ? list.indexOf(current) : -1
  if (index === -1) {
    // Nothing focused yet: start from the first card on screen, not from the top of the page.
    const onScreen = list.findIndex((card) => card.getBoundingClientRect().bottom > 80)
    index = Math.max(onScreen, 0) - (step === 1 ? 1 : 0)
  }
  const next = list[Math.min(Math.max(index + step, 0), list.length - 1)]!
  next.focus({ preventScroll: true })
  next.scrollIntoView?.({ block: 'start' })
}

/**
 * Reader shortcuts: `j`/`k` focus the next/previous item card, `o` opens the focused item's
 * original post, Enter its page, `?` calls `onHelp`. Ignored while typing and while a dialog is open.
 * With `singleKeys` off (the reader's setting) only Enter on a focused card remains.
 */
export function useItemKeys(onHelp: () => void, options: { singleKeys: boolean }): void {
  const { singleKeys } = options
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isPlainKey(event) || isTypingTarget(event.target)) return
      if (document.querySelector('[aria-modal="true"]')) return
      if (!singleKeys && event.key !== 'Enter') return
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault()
        move(event.key === 'j' ? 1 : -1)
      } else if (event.key === 'o') {
        const link = focusedCard()?.querySelector<HTMLAnchorElement>('a[data-original-link]')
        if (!link) return
        event.preventDefault()
        link.click()
      } else if (event.key === 'Enter' && event.target === focusedCard()) {
        // The card itself has focus (after j/k), not a link in it: open the item's own page.
        const link = focusedCard()?.querySelector<HTMLAnchorElement>('a[href*="/items/"]')
        if (!link) return
        event.preventDefault()
        link.click()
      } else if (event.key === '?') {
        event.preventDefault()
        onHelp()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onHelp, singleKeys])
}
