/** Placeholder until the search feature lands. */
export function SearchRoute() {
  return <h1>搜索</h1>
}
