/** Placeholder until the bookmarks feature lands: header link with the bookmark count badge. */
export function BookmarksNavLink() {
  return null
}
