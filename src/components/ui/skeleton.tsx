import { cn } from '@/lib/cn'

/** A grey placeholder bar that gently pulses while content loads. */
export function SkeletonBar({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-stone-200 dark:bg-stone-800', className)}
    />
  )
}

/** Placeholder for one item card: title, source, three lines of summary. */
export function SkeletonItem() {
  return (
    <div className="space-y-3 py-5" aria-hidden="true">
      <SkeletonBar className="h-5 w-3/4" />
      <SkeletonBar className="h-3.5 w-32" />
      <SkeletonBar className="h-3.5 w-full" />
      <SkeletonBar className="h-3.5 w-full" />
      <SkeletonBar className="h-3.5 w-2/3" />
    </div>
  )
}

/** Placeholder for a page or section still loading; announced once to screen readers. */
export function SkeletonPage({ label, items = 3 }: { label: string; items?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-2">
      <SkeletonBar className="mb-6 h-8 w-1/2" />
      {Array.from({ length: items }, (_, i) => (
        <SkeletonItem key={i} />
      ))}
    </div>
  )
}
