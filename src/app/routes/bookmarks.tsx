/** Placeholder until the bookmarks feature lands. */
export function BookmarksRoute() {
  return <h1>收藏</h1>
}
