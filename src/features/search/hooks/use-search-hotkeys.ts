import { useEffect, type RefObject } from 'react'
import { isPlainKey, isTypingTarget } from '@/lib/keyboard'

/**
 * `/` and Ctrl/⌘-K focus the search box, unless the user is typing in another field. `slash: false`
 * (single-key shortcuts turned off) leaves only Ctrl/⌘-K.
 */
export function useSearchHotkeys(
  input: RefObject<HTMLInputElement | null>,
  options: { slash: boolean },
) {
  const { slash: slashOn } = options
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const slash = slashOn && event.key === '/' && isPlainKey(event)
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey)
      if (!slash && !commandK) return
      // In the box itself `/` is just a character; elsewhere, typing in a field wins.
      if (event.target === input.current ? slash : isTypingTarget(event.target)) return
      event.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [input, slashOn])
}
