/** Placeholder until the search feature lands: the header's search box. */
export function SearchBox() {
  return null
}
