import { Link } from 'react-router-dom'
import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

// A name of any length wraps inside the chip, and the chip inside the page.
const base =
  'inline-flex max-w-full min-w-0 items-center gap-1 rounded-full border px-2.5 py-0.5 text-xs font-medium [overflow-wrap:anywhere] transition-colors'
// Colours are chosen, never overridden: `cn` only joins classes, so two colours would clash.
const idle =
  'border-stone-200 bg-white text-stone-600 dark:border-stone-700/80 dark:bg-stone-900 dark:text-stone-300'
const idleLink =
  'hover:border-orange-300 hover:text-orange-700 dark:hover:border-orange-400/60 dark:hover:text-orange-300'
const current =
  'border-orange-400 bg-orange-50 text-orange-800 dark:border-orange-400/70 dark:bg-orange-400/15 dark:text-orange-200'

/** A small rounded label; a link when given `to`, marked `aria-current` when it is the open page. */
export function Chip({
  to,
  current: isCurrent,
  children,
  className,
}: {
  to?: string
  current?: boolean
  children: ReactNode
  className?: string
}) {
  if (!to) return <span className={cn(base, idle, className)}>{children}</span>
  return (
    <Link
      to={to}
      aria-current={isCurrent ? 'page' : undefined}
      className={cn(base, isCurrent ? current : cn(idle, idleLink), className)}
    >
      {children}
    </Link>
  )
}
