/**
 * Keys shared by the compiler and the app, so both find the same topic, source and story files.
 * Pure and tiny: the compiler hashes the same functions into its version (compiler-version.ts).
 */

/**
 * The key variants of one topic meet at: NFKC (full-width `Ｎano` is `Nano`), lower case, and no
 * spacing at all, so `Ｎano Banana`, `nano banana` and `NanoBanana` are one topic.
 */
export function topicKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
}

/** The key of a source: an account without its `@` (`dotey`), or a host (`github.com`). */
export function sourceKey(source: { host: string; handle?: string }): string {
  return source.handle ? source.handle.toLowerCase() : source.host.toLowerCase()
}

/** FNV-1a, 32 bits: which shard of `count` a key lives in. Stable across builds and machines. */
export function shardOf(key: string, count: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return count > 0 ? hash % count : 0
}

/** Parameters people add to shared links that do not change what the link points to. */
const TRACKING = /^(utm_\w+|ref|ref_src|s|t|si|spm|from)$/i

/**
 * The key two items share when they link the same post: an x.com/twitter.com status by its id,
 * any other link by host and path without tracking parameters. Undefined for items without a link.
 */
export function linkKey(url: string | undefined): string | undefined {
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www|mobile)\./, '')
  const status = /^\/[^/]+\/status\/(\d+)/.exec(parsed.pathname)
  if ((host === 'x.com' || host === 'twitter.com') && status) return `x:${status[1]}`
  const params = [...parsed.searchParams].filter(([k]) => !TRACKING.test(k))
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : ''
  return `u:${host}${parsed.pathname.replace(/\/+$/, '')}${query}`
}

/** Titles shorter than this (as keys) are too generic to call two items the same story. */
const MIN_TITLE_KEY = 10

/**
 * The key of a title for "near-identical" titles: letters and digits only, case and width folded,
 * so `GPT-5 发布：要点` and `GPT 5 发布 要点` meet. Undefined for short, generic titles.
 */
export function titleKey(title: string): string | undefined {
  const key = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
  return key.length >= MIN_TITLE_KEY ? `t:${key}` : undefined
}

/** Weeks start on Monday in the digest's own offset; week 0 is the one holding 1970-01-01. */
export function weekOf(time: number, offsetMinutes: number): number {
  const day = Math.floor((time + offsetMinutes * 60_000) / 86_400_000)
  // 1970-01-01 was a Thursday: three days after the Monday that starts week 0.
  return Math.floor((day + 3) / 7)
}

/** The Monday (UTC date, `YYYY-MM-DD`) that starts a week number. */
export function weekStart(week: number): string {
  return new Date((week * 7 - 3) * 86_400_000).toISOString().slice(0, 10)
}
