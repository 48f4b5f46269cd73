import { useRef } from 'react'
import { useT } from '@/lib/i18n'
import { useSearchHotkeys } from '../hooks/use-search-hotkeys'
import { useSearchInput } from '../hooks/use-search-input'
import { usePrefetchWhileTyping } from '../hooks/use-prefetch-while-typing'

/**
 * The header's search box: typing searches live and keeps the query in the URL. `/` focuses it
 * unless `singleKeyShortcuts` is off (the reader's setting); Ctrl K always does.
 */
export function SearchBox({ singleKeyShortcuts }: { singleKeyShortcuts: boolean }) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const { value, pending, pendingFilters, onChange, onCompositionStart, onCompositionEnd, clear } =
    useSearchInput()
  usePrefetchWhileTyping(pending, pendingFilters)
  useSearchHotkeys(input, { slash: singleKeyShortcuts })

  return (
    <div className="relative w-full min-w-0">
      <input
        ref={input}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value, event.nativeEvent)}
        onCompositionStart={onCompositionStart}
        onCompositionEnd={(event) => onCompositionEnd(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || event.nativeEvent.isComposing) return
          event.preventDefault()
          if (value) clear()
          else input.current?.blur()
        }}
        aria-label={t({ zh: '搜索', en: 'Search' })}
        aria-keyshortcuts={singleKeyShortcuts ? '/ Control+K Meta+K' : 'Control+K Meta+K'}
        placeholder={t({ zh: '搜索', en: 'Search' })}
        enterKeyHint="search"
        autoComplete="off"
        spellCheck={false}
        className="peer w-full min-w-0 rounded-md border border-stone-300 bg-white py-1.5 pr-8 pl-3 text-sm text-stone-900 placeholder:text-stone-400 focus:border-stone-500 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:placeholder:text-stone-500"
      />
      {/* The `/` shortcut means nothing without a keyboard: shown from the `sm` width up only,
          and only while the box is empty. */}
      <kbd
        aria-hidden="true"
        data-search-hint=""
        className={`pointer-events-none absolute top-1/2 right-2 hidden ${singleKeyShortcuts ? '' : '!hidden'} -translate-y-1/2 rounded border border-stone-300 px-1.5 font-mono text-xs leading-4 text-stone-400 sm:peer-placeholder-shown:block dark:border-stone-700 dark:text-stone-500`}
      >
        /
      </kbd>
    </div>
  )
}
