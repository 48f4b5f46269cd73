import { useT } from '@/lib/i18n'

/** First tab stop: jumps past the header to the page content. */
export function SkipLink() {
  const t = useT()
  return (
    <a
      href="#main"
      onClick={(e) => {
        // A hash link would change the route's URL; move focus instead.
        e.preventDefault()
        document.getElementById('main')?.focus()
      }}
      className="sr-only z-50 rounded-lg bg-stone-900 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 dark:bg-stone-100 dark:text-stone-900"
    >
      {t({ zh: '跳到正文', en: 'Skip to content' })}
    </a>
  )
}
