import { Link } from 'react-router-dom'
import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

const base =
  'inline-flex items-center gap-1 rounded-full border border-stone-200 bg-white px-2.5 py-0.5 text-xs font-medium text-stone-600 dark:border-stone-700/80 dark:bg-stone-900 dark:text-stone-300'
const currentStyle =
  'border-orange-300 bg-orange-50 text-orange-800 dark:border-orange-400/60 dark:bg-orange-400/10 dark:text-orange-200'

/** A small rounded label; a link when given `to`, marked `aria-current` when it is the open page. */
export function Chip({
  to,
  current,
  children,
  className,
}: {
  to?: string
  current?: boolean
  children: ReactNode
  className?: string
}) {
  if (!to) return <span className={cn(base, className)}>{children}</span>
  return (
    <Link
      to={to}
      aria-current={current ? 'page' : undefined}
      className={cn(
        base,
        'transition-colors hover:border-orange-300 hover:text-orange-700 dark:hover:border-orange-400/60 dark:hover:text-orange-300',
        current && currentStyle,
        className,
      )}
    >
      {children}
    </Link>
  )
}
