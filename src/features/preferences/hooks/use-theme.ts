import { useSyncExternalStore } from 'react'

/** 'system' follows the OS setting; the other two are the reader's explicit choice. */
export type ThemeChoice = 'system' | 'light' | 'dark'

/** Also read by public/theme.js, which applies the theme before first paint (index.html loads it). */
export const THEME_STORAGE_KEY = 'digest-reader:theme'

const listeners = new Set<() => void>()

function readChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(THEME_STORAGE_KEY)
    return saved === 'light' || saved === 'dark' ? saved : 'system'
  } catch {
    return 'system'
  }
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
}

/** Puts the `dark` class on <html> for the given choice. */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && systemPrefersDark())
  document.documentElement.classList.toggle('dark', dark)
}

/** Saves and applies a theme choice for every open view. */
export function setTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Storage unavailable: the choice still applies to this page.
  }
  applyTheme(choice)
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // While following the system, an OS switch (e.g. at sunset) must repaint the app.
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
  const onSystem = () => {
    if (readChoice() === 'system') applyTheme('system')
    listener()
  }
  media?.addEventListener?.('change', onSystem)
  return () => {
    listeners.delete(listener)
    media?.removeEventListener?.('change', onSystem)
  }
}

/** The reader's theme choice. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, readChoice, () => 'system' as ThemeChoice)
}
