import { useRef, useState } from 'react'
import { useT } from '@/lib/i18n'

/** Longest note kept; a note is a reminder, not an essay. */
export const NOTE_MAX_LENGTH = 280

/** A short note edited in place: saved on blur or Enter, Escape restores the saved text. */
export function BookmarkNote(props: {
  note: string
  title: string
  onSave: (note: string) => void
}) {
  const t = useT()
  // Only the text being typed lives here; the saved note always comes from the store.
  const [draft, setDraft] = useState<string | null>(null)
  const cancelled = useRef(false)
  const save = () => {
    if (!cancelled.current && draft !== null && draft.trim() !== props.note) {
      props.onSave(draft.trim())
    }
    cancelled.current = false
    setDraft(null)
  }
  return (
    <input
      type="text"
      value={draft ?? props.note}
      maxLength={NOTE_MAX_LENGTH}
      aria-label={t({ zh: `备注：${props.title}`, en: `Note: ${props.title}` })}
      placeholder={t({ zh: '添加备注…', en: 'Add a note…' })}
      onFocus={() => setDraft(props.note)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur()
        if (event.key === 'Escape') {
          cancelled.current = true
          event.currentTarget.blur()
        }
      }}
      className="w-full rounded-md border border-transparent bg-transparent px-2 py-1 text-sm text-stone-700 placeholder:text-stone-400 hover:border-stone-200 focus:border-stone-300 focus:bg-white focus:outline-none dark:text-stone-300 dark:placeholder:text-stone-500 dark:hover:border-stone-700 dark:focus:border-stone-600 dark:focus:bg-stone-900"
    />
  )
}
