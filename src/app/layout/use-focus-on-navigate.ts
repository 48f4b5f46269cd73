import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router-dom'
import { isTypingTarget } from '@/lib/keyboard'
import { focusPageHeading } from './focus-page-heading'

/**
 * After an in-app navigation, moves focus to the new page's main heading (not on first load, not
 * when a `#fragment` names something to focus, and never away from a field the user is typing in,
 * e.g. the header search box that navigates to /search as you type).
 */
export function useFocusOnNavigate(): void {
  const { pathname, hash } = useLocation()
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    if (hash || isTypingTarget(document.activeElement)) return
    focusPageHeading()
  }, [pathname, hash])
}
