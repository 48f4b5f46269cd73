import { useT } from '@/lib/i18n'
import { SkeletonPage } from '@/components/ui/skeleton'

/** Placeholder for a page whose data is still loading. */
export function PageSkeleton() {
  const t = useT()
  return <SkeletonPage label={t({ zh: '正在加载', en: 'Loading' })} />
}
