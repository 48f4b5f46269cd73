import { lazy, Suspense, useCallback, useState } from 'react'
import { Outlet, ScrollRestoration } from 'react-router-dom'
import { useT } from '@/lib/i18n'
import { useItemKeys } from '@/components/use-item-keys'
import { useSingleKeyShortcuts } from '@/features/preferences/hooks/use-single-key-shortcuts'
import { SingleKeyShortcutsToggle } from '@/features/preferences/components/single-key-shortcuts-toggle'
import { AppHeader } from '../layout/app-header'
import { SkipLink } from '../layout/skip-link'
import { NavigationProgress } from '../layout/navigation-progress'
import { useFocusOnNavigate } from '../layout/use-focus-on-navigate'
import { usePrefetchOnIntent } from '../layout/use-prefetch-on-intent'

// The shortcut sheet opens on `?` only: its code loads then, not with every first screen.
const ShortcutSheet = lazy(async () => ({
  default: (await import('@/components/shortcut-sheet')).ShortcutSheet,
}))

/** Every page: skip link, header, the page itself, footer; plus app-wide keyboard shortcuts. */
export function RootLayout() {
  const t = useT()
  const [sheetOpen, setSheetOpen] = useState(false)
  const openSheet = useCallback(() => setSheetOpen(true), [])
  // WCAG 2.1.4: the reader can turn single-key shortcuts off (in the shortcut sheet).
  const singleKeys = useSingleKeyShortcuts()
  useItemKeys(openSheet, { singleKeys })
  useFocusOnNavigate()
  usePrefetchOnIntent()
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <NavigationProgress />
      <AppHeader onShortcuts={openSheet} singleKeyShortcuts={singleKeys} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-2xl flex-1 px-4 pt-8 pb-16 outline-none sm:px-6 sm:pt-12"
      >
        <Outlet />
      </main>
      <footer className="border-t border-stone-200/80 py-6 text-center text-xs text-stone-500 dark:border-stone-800 dark:text-stone-400">
        {t({ zh: '内容版权归原作者所有', en: 'Content © the original authors' })}
        {singleKeys && (
          <>
            {t({ zh: ' · 按 ', en: ' · Press ' })}
            <kbd>?</kbd>
            {t({ zh: ' 查看快捷键', en: ' for keyboard shortcuts' })}
          </>
        )}
      </footer>
      {sheetOpen && (
        <Suspense fallback={null}>
          <ShortcutSheet
            onClose={() => setSheetOpen(false)}
            singleKeys={singleKeys}
            setting={<SingleKeyShortcutsToggle />}
          />
        </Suspense>
      )}
      <ScrollRestoration />
    </div>
  )
}
