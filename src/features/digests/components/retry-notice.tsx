import { useT } from '@/lib/i18n'

/** Inline notice for a part of a page that failed to load, with a button that tries again. */
export function RetryNotice({ onRetry }: { onRetry: () => void }) {
  const t = useT()
  return (
    <div
      role="alert"
      className="my-4 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      <span>{t({ zh: '内容加载失败。', en: 'This part failed to load.' })}</span>
      <button type="button" onClick={onRetry} className="btn-secondary">
        {t({ zh: '重试', en: 'Retry' })}
      </button>
    </div>
  )
}
