import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setLanguage, useT } from './i18n'

function Label({ n }: { n: number }) {
  const t = useT()
  return <span>{`${t({ zh: '条目', en: 'item' })} ${n}`}</span>
}

describe('useT', () => {
  afterEach(() => act(() => setLanguage('zh')))

  it('shares one window storage listener between every subscribed component', () => {
    const add = vi.spyOn(window, 'addEventListener')
    render(
      <>
        {Array.from({ length: 50 }, (_, n) => (
          <Label key={n} n={n} />
        ))}
      </>,
    )
    const storageListeners = add.mock.calls.filter(([type]) => type === 'storage')
    expect(storageListeners.length).toBeLessThanOrEqual(1)
    expect(screen.getAllByText(/^条目/)).toHaveLength(50)
  })

  it('switches every component when another tab changes the language', () => {
    render(
      <>
        <Label n={1} />
        <Label n={2} />
      </>,
    )
    act(() => {
      localStorage.setItem('digest-reader:lang', 'en')
      window.dispatchEvent(new StorageEvent('storage', { key: 'digest-reader:lang' }))
    })
    expect(screen.getAllByText(/^item \d/)).toHaveLength(2)
  })
})
