/** The small grey heading over a section of a page (first appearance, related items, topics…). */
export const SECTION_TITLE = 'text-sm font-semibold text-stone-600 dark:text-stone-300'
