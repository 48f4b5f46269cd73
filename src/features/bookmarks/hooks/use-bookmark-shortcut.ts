import { useEffect } from 'react'
import { isPlainKey, isTypingTarget } from '@/lib/keyboard'

/** Attribute on every bookmark toggle button, so the shortcut can find the one in a card. */
export const TOGGLE_ATTRIBUTE = 'data-bookmark-toggle'

/**
 * `b` toggles the bookmark of the item card holding the focus (cards carry `data-item-id`; `j`/`k`
 * move focus between them). Clicking the card's own toggle keeps one code path for both. Off while
 * the reader has single-key shortcuts turned off.
 */
export function useBookmarkShortcut(options: { enabled: boolean }): void {
  const { enabled } = options
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'b' || event.repeat || event.defaultPrevented) return
      if (!isPlainKey(event) || isTypingTarget(event.target)) return
      if (document.querySelector('[aria-modal="true"]')) return
      const card = document.activeElement?.closest('[data-item-id]')
      const toggle = card?.querySelector<HTMLButtonElement>(`[${TOGGLE_ATTRIBUTE}]`)
      if (!toggle) return
      event.preventDefault()
      toggle.click()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
