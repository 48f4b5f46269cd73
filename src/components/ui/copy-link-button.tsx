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
  // The button says "已复制" in place (both labels share one grid cell, so its width never
  // changes and nothing beside it moves); the status line tells screen readers.
  const copied = state === 'copied'
  return (
    <>
      <button type="button" onClick={copy} className="btn-secondary">
        {copied ? <CheckIcon /> : <LinkIcon />}
        <span className="grid *:col-start-1 *:row-start-1">
          <span className={copied ? 'invisible' : undefined}>
            {t({ zh: '复制链接', en: 'Copy link' })}
          </span>
          <span className={copied ? undefined : 'invisible'} aria-hidden="true">
            {t({ zh: '已复制', en: 'Copied' })}
          </span>
        </span>
      </button>
      <span role="status" className={copied ? 'sr-only' : 'text-sm text-red-700 dark:text-red-400'}>
        {copied && t({ zh: '链接已复制', en: 'Link copied' })}
        {state === 'failed' &&
          t({
            zh: '无法复制，请手动复制地址栏',
            en: 'Could not copy; copy the address bar instead',
          })}
      </span>
    </>
  )
}
