import { setLanguage, useLanguage } from '@/lib/i18n'
import { IconButton } from '@/components/ui/icon-button'

/** Switches the UI between Chinese and English; the content stays as written. */
export function LanguageToggle() {
  const language = useLanguage()
  const next = language === 'zh' ? 'en' : 'zh'
  return (
    <IconButton
      label={language === 'zh' ? 'Switch to English' : '切换到中文'}
      onClick={() => setLanguage(next)}
      lang={next === 'zh' ? 'zh-CN' : 'en'}
    >
      <span className="text-[13px] font-semibold">{next === 'zh' ? '中' : 'EN'}</span>
    </IconButton>
  )
}
