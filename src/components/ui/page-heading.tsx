import type { ReactNode } from 'react'

/**
 * A page's main heading. Its id lets the layout move focus to it after each navigation, so screen
 * reader and keyboard users start reading the new page from its title.
 */
export function PageHeading({
  title,
  eyebrow,
  children,
  lang,
}: {
  title: ReactNode
  eyebrow?: ReactNode
  children?: ReactNode
  lang?: string
}) {
  return (
    <header className="mb-10 space-y-2">
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      <h1 id="page-heading" tabIndex={-1} className="page-title" lang={lang}>
        {title}
      </h1>
      {children && <div className="text-sm text-stone-500 dark:text-stone-400">{children}</div>}
    </header>
  )
}
