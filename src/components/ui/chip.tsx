import { Link } from 'react-router-dom'
import type { ReactNode } from 'react'
import { cn } from '@/lib/cn'

const base =
  'inline-flex items-center gap-1 rounded-full border border-stone-200 bg-white px-2.5 py-0.5 text-xs font-medium text-stone-600 dark:border-stone-700/80 dark:bg-stone-900 dark:text-stone-300'

/** A small rounded label; a link when given `to`. */
export function Chip({
  to,
  children,
  className,
}: {
  to?: string
  children: ReactNode
  className?: string
}) {
  if (!to) return <span className={cn(base, className)}>{children}</span>
  return (
    <Link
      to={to}
      className={cn(
        base,
        'transition-colors hover:border-orange-300 hover:text-orange-700 dark:hover:border-orange-400/60 dark:hover:text-orange-300',
        className,
      )}
    >
      {children}
    </Link>
  )
}
