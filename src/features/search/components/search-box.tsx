import { useRef, useState } from 'react'
import { useT } from '@/lib/i18n'
import { useSearchHotkeys } from '../hooks/use-search-hotkeys'
import { useSearchUrl } from '../hooks/use-search-url'

/** The header's search box: typing searches live and keeps the query in the URL. */
export function SearchBox() {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const { query, setQuery } = useSearchUrl()
  // What the user typed; follows the URL when it changes from outside (back/forward, a link).
  const [value, setValue] = useState(query)
  const [seen, setSeen] = useState(query)
  if (query !== seen) {
    setSeen(query)
    setValue(query)
  }
  useSearchHotkeys(input)

  const update = (next: string) => {
    setValue(next)
    setSeen(next)
    setQuery(next)
  }

  return (
    <div className="relative w-full min-w-0">
      <input
        ref={input}
        type="search"
        value={value}
        onChange={(event) => update(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          if (value) update('')
          else input.current?.blur()
        }}
        aria-label={t({ zh: '搜索', en: 'Search' })}
        placeholder={t({ zh: '搜索  /', en: 'Search  /' })}
        enterKeyHint="search"
        autoComplete="off"
        spellCheck={false}
        className="w-full min-w-0 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-900 placeholder:text-stone-400 focus:border-stone-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:placeholder:text-stone-500"
      />
    </div>
  )
}
