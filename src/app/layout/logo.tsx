/** The app mark: a stack of pages with an accent fold. */
export function Logo() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <rect
        x="3"
        y="3"
        width="18"
        height="18"
        rx="5"
        className="fill-stone-900 dark:fill-stone-100"
      />
      <path
        d="M7.5 8.5h9M7.5 12h9M7.5 15.5h5.5"
        strokeWidth="1.8"
        strokeLinecap="round"
        className="stroke-[#fbfaf8] dark:stroke-[#141312]"
      />
      <circle cx="17" cy="16" r="2" className="fill-orange-500" />
    </svg>
  )
}
