import { useEffect } from 'react'
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router-dom'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { focusPageHeading } from '../layout/focus-page-heading'
import { NotFoundRoute } from './not-found'

/** What a page shows when its loader fails: not-found for unknown ids, else an error with retry. */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />
  return <LoadFailed detail={error instanceof Error ? error.message : undefined} />
}

function LoadFailed({ detail }: { detail?: string }) {
  const t = useT()
  const revalidator = useRevalidator()
  // A retry that works removes this message, and the focused retry button with it: hand focus to
  // the loaded page's heading instead of letting it fall back to <body>.
  useEffect(
    () => () => {
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return
        focusPageHeading()
      })
    },
    [],
  )
  useDocumentTitle(t({ zh: '加载失败', en: 'Failed to load' }))
  return (
    <div role="alert">
      <PageHeading title={t({ zh: '内容加载失败', en: 'Could not load this page' })}>
        {t({
          zh: '可能是网络中断，或者内容已经更新。请重试。',
          en: 'The network may be down, or the content was updated. Please try again.',
        })}
      </PageHeading>
      <button
        type="button"
        className="btn-primary"
        disabled={revalidator.state === 'loading'}
        onClick={() => revalidator.revalidate()}
      >
        {revalidator.state === 'loading'
          ? t({ zh: '正在重试…', en: 'Retrying…' })
          : t({ zh: '重试', en: 'Retry' })}
      </button>
      {detail && (
        // For whoever runs the site: which file failed and how (a 404 after a deploy, bad JSON…).
        <details className="mt-6 text-sm text-stone-500 dark:text-stone-400">
          <summary className="cursor-pointer">
            {t({ zh: '技术细节', en: 'Technical details' })}
          </summary>
          <p className="mt-2 font-mono text-xs [overflow-wrap:anywhere]">{detail}</p>
        </details>
      )}
    </div>
  )
}
