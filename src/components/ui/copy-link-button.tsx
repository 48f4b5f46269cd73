import { useEffect, useState } from 'react'
import { useHref } from 'react-router-dom'
import { useT } from '@/lib/i18n'
import { CheckIcon, LinkIcon } from './icons'

/** Copies the absolute URL of an in-app path (base path included) and confirms it visibly. */
export function CopyLinkButton({ href }: { href: string }) {
  const t = useT()
  const path = useHref(href)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(new URL(path, window.location.origin).href)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    <>
      <button type="button" onClick={copy} className="btn-secondary">
        {state === 'copied' ? <CheckIcon /> : <LinkIcon />}
        {t({ zh: '复制链接', en: 'Copy link' })}
      </button>
      <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {state === 'copied' && t({ zh: '链接已复制', en: 'Link copied' })}
        {state === 'failed' && (
          <span className="text-red-700 dark:text-red-400">
            {t({
              zh: '无法复制，请手动复制地址栏',
              en: 'Could not copy; copy the address bar instead',
            })}
          </span>
        )}
      </span>
    </>
  )
}
