import { Fragment, useEffect, useRef, type ReactNode } from 'react'
import { useT, type Phrase } from '@/lib/i18n'

/**
 * Each shortcut lists its key combinations; one action with two (`/`, `Ctrl K`) is one row. A
 * combination of one character key is a single-key shortcut, which the reader can turn off.
 */
const SHORTCUTS: { combos: string[][]; label: Phrase }[] = [
  { combos: [['j']], label: { zh: '下一条', en: 'Next item' } },
  { combos: [['k']], label: { zh: '上一条', en: 'Previous item' } },
  { combos: [['o']], label: { zh: '打开原文（新标签页）', en: 'Open the original (new tab)' } },
  { combos: [['Enter']], label: { zh: '打开条目页', en: "Open the item's page" } },
  { combos: [['b']], label: { zh: '收藏 / 取消收藏', en: 'Bookmark / unbookmark' } },
  { combos: [['/'], ['Ctrl', 'K']], label: { zh: '搜索', en: 'Search' } },
  { combos: [['?']], label: { zh: '显示快捷键', en: 'Show shortcuts' } },
  { combos: [['Esc']], label: { zh: '关闭对话框', en: 'Close dialog' } },
]

const isSingleKey = (combo: string[]) => combo.length === 1 && combo[0]!.length === 1

/**
 * The keyboard shortcut sheet: a modal dialog that Esc, the close button or a backdrop click close.
 * `setting` is the switch for single-key shortcuts; with them off (`singleKeys`) their keys are
 * shown struck through.
 */
export function ShortcutSheet(props: {
  onClose: () => void
  singleKeys: boolean
  setting?: ReactNode
}) {
  const { onClose, singleKeys, setting } = props
  const t = useT()
  const closeRef = useRef<HTMLButtonElement>(null)
  const dialogRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    return () => previous?.focus?.({ preventScroll: true })
  }, [])
  return (
    <div
      className="fixed inset-0 z-50 flex items-end justify-center bg-stone-950/40 p-4 backdrop-blur-[2px] sm:items-center"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-title"
        ref={dialogRef}
        className="w-full max-w-sm rounded-2xl border border-stone-200 bg-white p-5 shadow-2xl dark:border-stone-700 dark:bg-stone-900"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          } else if (e.key === 'Tab') {
            // Keep focus inside the dialog: Tab cycles through its controls.
            const controls = Array.from(
              dialogRef.current?.querySelectorAll<HTMLElement>('button, input') ?? [],
            )
            const at = controls.indexOf(document.activeElement as HTMLElement)
            const next = (at + (e.shiftKey ? -1 : 1) + controls.length) % controls.length
            e.preventDefault()
            controls[next]?.focus()
          }
        }}
      >
        <div className="mb-4 flex items-center justify-between">
          <h2 id="shortcut-title" className="text-base font-semibold">
            {t({ zh: '键盘快捷键', en: 'Keyboard shortcuts' })}
          </h2>
          <button
            ref={closeRef}
            type="button"
            onClick={onClose}
            className="btn-secondary px-2.5 py-1"
          >
            {t({ zh: '关闭', en: 'Close' })}
          </button>
        </div>
        <dl className="divide-y divide-stone-100 text-sm dark:divide-stone-800">
          {SHORTCUTS.map(({ combos, label }) => (
            <div key={label.en} className="flex items-center justify-between py-2">
              <dt className="text-stone-700 dark:text-stone-300">{t(label)}</dt>
              <dd className="flex items-center gap-1">
                {combos.map((combo, i) => (
                  <Fragment key={combo.join('+')}>
                    {i > 0 && (
                      <span className="px-1 text-xs text-stone-500 dark:text-stone-400">
                        {t({ zh: '或', en: 'or' })}
                      </span>
                    )}
                    {combo.map((k) =>
                      !singleKeys && isSingleKey(combo) ? (
                        <del key={k} title={t({ zh: '已关闭', en: 'Turned off' })}>
                          <kbd className="opacity-50">{k}</kbd>
                          <span className="sr-only">{t({ zh: '（已关闭）', en: ' (off)' })}</span>
                        </del>
                      ) : (
                        <kbd key={k}>{k}</kbd>
                      ),
                    )}
                  </Fragment>
                ))}
              </dd>
            </div>
          ))}
        </dl>
        {setting}
      </div>
    </div>
  )
}
