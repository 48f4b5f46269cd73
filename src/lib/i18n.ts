import { useSyncExternalStore } from 'react'

/** UI languages. Content is always shown as written; only the app's own strings switch. */
export type Language = 'zh' | 'en'

const STORAGE_KEY = 'digest-reader:lang'
const listeners = new Set<() => void>()

function readLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'
  } catch {
    return 'zh'
  }
}

let current: Language = typeof window === 'undefined' ? 'zh' : readLanguage()

/** Switches the UI language for every open view and remembers it. */
export function setLanguage(language: Language): void {
  current = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Storage unavailable (private mode): the choice still applies to this page.
  }
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'
  for (const listener of listeners) listener()
}

// One window listener for the whole app, not one per subscribed component: a long timeline has
// thousands of components calling useT(), and each used to add its own `storage` listener.
function onStorage(event: StorageEvent): void {
  if (event.key !== STORAGE_KEY) return
  current = readLanguage()
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) window.removeEventListener('storage', onStorage)
  }
}

/** The current UI language. */
export function useLanguage(): Language {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => 'zh' as Language,
  )
}

/** A UI string in both languages; features keep their strings next to the components. */
export interface Phrase {
  zh: string
  en: string
}

/** Returns `t(phrase)`, which picks the current language's text: `t({ zh: '搜索', en: 'Search' })`. */
export function useT(): (phrase: Phrase) => string {
  const language = useLanguage()
  return (phrase) => phrase[language]
}

/** An English count with its noun in the right number: `plural(1, 'item')` → "1 item". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
