import { useEffect } from 'react'
import { setLanguage, useLanguage } from '@/lib/i18n'

/** Switches the UI between Chinese and English; the content stays as written. */
export function LanguageToggle() {
  const language = useLanguage()
  const next = language === 'zh' ? 'en' : 'zh'
  // index.html says zh-CN; a reader who chose English last time must not be announced as Chinese.
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'
  }, [language])
  const label = next === 'en' ? 'Switch to English' : '切换到中文'
  return (
    <button
      type="button"
      title={label}
      onClick={() => setLanguage(next)}
      className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-[13px] font-semibold text-stone-600 transition-colors hover:bg-stone-200/70 hover:text-stone-900 dark:text-stone-400 dark:hover:bg-stone-800 dark:hover:text-stone-100"
    >
      {/* The mark is for the eye; the spelled-out label is the button's name. */}
      <span aria-hidden="true">{next === 'zh' ? '中' : 'EN'}</span>
      <span className="sr-only" lang={next === 'zh' ? 'zh-CN' : 'en'}>
        {label}
      </span>
    </button>
  )
}
