import { useEffect, useRef } from 'react'
import { useT } from '@/lib/i18n'

/**
 * The end of a feed: loads more automatically when it comes near the viewport, and offers a button
 * for keyboards and for browsers without IntersectionObserver.
 */
export function LoadMore({
  hasMore,
  onMore,
  shown,
}: {
  hasMore: boolean
  onMore: () => void
  shown: number
}) {
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const node = ref.current
    if (!hasMore || !node || typeof IntersectionObserver === 'undefined') return
    // Re-created whenever `shown` grows, so a sentinel still in view keeps loading.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onMore()
      },
      { rootMargin: '0px 0px 1200px 0px' },
    )
    observer.observe(node)
    return () => observer.disconnect()
  }, [hasMore, onMore, shown])

  return (
    <div ref={ref} className="flex justify-center pt-4 pb-8">
      {hasMore ? (
        <button type="button" onClick={onMore} className="btn-secondary">
          {t({ zh: '加载更早的摘要', en: 'Load earlier digests' })}
        </button>
      ) : (
        <p className="text-sm text-stone-500 dark:text-stone-400">
          {t({ zh: '— 已经到底了 —', en: '— You have reached the beginning —' })}
        </p>
      )}
    </div>
  )
}
