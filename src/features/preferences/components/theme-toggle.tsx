import { useT } from '@/lib/i18n'
import { IconButton } from '@/components/ui/icon-button'
import { MonitorIcon, MoonIcon, SunIcon } from '@/components/ui/icons'
import { setTheme, useThemeChoice, type ThemeChoice } from '../hooks/use-theme'

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }

const LABELS = {
  system: { zh: '主题：跟随系统', en: 'Theme: system' },
  light: { zh: '主题：浅色', en: 'Theme: light' },
  dark: { zh: '主题：深色', en: 'Theme: dark' },
} as const

/** Cycles system → light → dark; the label names the current theme, the tooltip the next one. */
export function ThemeToggle() {
  const t = useT()
  const choice = useThemeChoice()
  const Icon = choice === 'dark' ? MoonIcon : choice === 'light' ? SunIcon : MonitorIcon
  return (
    <IconButton
      label={t(LABELS[choice])}
      title={`${t(LABELS[choice])} → ${t(LABELS[NEXT[choice]])}`}
      onClick={() => setTheme(NEXT[choice])}
      data-theme-choice={choice}
    >
      <Icon />
    </IconButton>
  )
}
