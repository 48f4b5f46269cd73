import { useT } from '@/lib/i18n'
import { setSingleKeyShortcuts, useSingleKeyShortcuts } from '../hooks/use-single-key-shortcuts'

/** A switch for single-key shortcuts, shown in the shortcut sheet. */
export function SingleKeyShortcutsToggle() {
  const t = useT()
  const on = useSingleKeyShortcuts()
  return (
    <label className="mt-4 flex items-start gap-3 text-sm text-stone-700 dark:text-stone-300">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(event) => setSingleKeyShortcuts(event.target.checked)}
        className="mt-0.5 size-4 shrink-0 accent-orange-600"
      />
      <span>
        {t({ zh: '单键快捷键（j、k、o、b、/、?）', en: 'Single-key shortcuts (j, k, o, b, /, ?)' })}
        <span className="block text-xs text-stone-500 dark:text-stone-400">
          {t({
            zh: '关闭后只保留 Ctrl K 和 Enter，语音输入或误触不会触发操作。',
            en: 'Off: only Ctrl K and Enter remain, so speech input or a stray key does nothing.',
          })}
        </span>
      </span>
    </label>
  )
}
