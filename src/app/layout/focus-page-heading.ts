/**
 * Moves focus to the current page's main heading (made focusable if it is not), without scrolling:
 * where a keyboard or screen-reader user should land after the page changed under them.
 */
export function focusPageHeading(): void {
  const heading =
    document.getElementById('page-heading') ?? document.querySelector<HTMLElement>('main h1')
  if (!heading) return
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
  heading.focus({ preventScroll: true })
}
