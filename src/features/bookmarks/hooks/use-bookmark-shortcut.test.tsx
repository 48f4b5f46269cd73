import { afterEach, expect, test, vi } from 'vitest'
import { render, renderHook, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { TOGGLE_ATTRIBUTE, useBookmarkShortcut } from './use-bookmark-shortcut'

const clicks = vi.fn<(card: string) => void>()

afterEach(() => clicks.mockClear())

/** Two item cards as the reader views render them, with plain buttons standing in for toggles. */
function Cards(props: { modal?: boolean }) {
  return (
    <>
      {['one', 'two'].map((name) => (
        <article key={name} data-item-id={name} tabIndex={-1} aria-label={`card ${name}`}>
          <a href={`#${name}`}>link {name}</a>
          <button type="button" {...{ [TOGGLE_ATTRIBUTE]: '' }} onClick={() => clicks(name)}>
            toggle {name}
          </button>
        </article>
      ))}
      <input aria-label="typing here" />
      <button type="button">outside</button>
      {props.modal && <div role="dialog" aria-modal="true" aria-label="dialog" />}
    </>
  )
}

test('b clicks the toggle of the card holding the focus, also from a link inside it', async () => {
  render(<Cards />)
  renderHook(() => useBookmarkShortcut({ enabled: true }))
  screen.getByRole('article', { name: 'card two' }).focus()
  await userEvent.keyboard('b')
  expect(clicks.mock.calls).toEqual([['two']])
  screen.getByRole('link', { name: 'link one' }).focus()
  await userEvent.keyboard('b')
  expect(clicks.mock.calls).toEqual([['two'], ['one']])
})

test('b does nothing while typing, with modifiers, outside a card, or under a modal', async () => {
  const { rerender } = render(<Cards />)
  renderHook(() => useBookmarkShortcut({ enabled: true }))
  await userEvent.click(screen.getByRole('textbox', { name: 'typing here' }))
  await userEvent.keyboard('b')
  screen.getByRole('button', { name: 'outside' }).focus()
  await userEvent.keyboard('b')
  screen.getByRole('article', { name: 'card one' }).focus()
  await userEvent.keyboard('{Control>}b{/Control}{Alt>}b{/Alt}{Meta>}b{/Meta}')
  rerender(<Cards modal />)
  screen.getByRole('article', { name: 'card one' }).focus()
  await userEvent.keyboard('b')
  expect(clicks).not.toHaveBeenCalled()
  // Without the modal the same key press works, so the checks above were not vacuous.
  rerender(<Cards />)
  screen.getByRole('article', { name: 'card one' }).focus()
  await userEvent.keyboard('b')
  expect(clicks.mock.calls).toEqual([['one']])
})

test('a held key toggles once, and a second host does not toggle back', async () => {
  render(<Cards />)
  renderHook(() => useBookmarkShortcut({ enabled: true }))
  renderHook(() => useBookmarkShortcut({ enabled: true }))
  screen.getByRole('article', { name: 'card one' }).focus()
  await userEvent.keyboard('{b>3/}')
  expect(clicks.mock.calls).toEqual([['one']])
})

test('the listener goes away with the component that registered it', async () => {
  render(<Cards />)
  const hook = renderHook(() => useBookmarkShortcut({ enabled: true }))
  hook.unmount()
  screen.getByRole('article', { name: 'card one' }).focus()
  await userEvent.keyboard('b')
  expect(clicks).not.toHaveBeenCalled()
})
