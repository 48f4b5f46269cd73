import { Feed, type Item } from 'feed'
import type { Digest } from '../src/types/content.ts'
import { paths } from '../src/config/paths.ts'
import { absoluteUrl, type Site } from './feeds-site.ts'
import { clip, escapeHtml, httpUrl, plainText } from './link-previews-html.ts'

/** The feeds' names and types, at stable paths under the app's root (the head links them). */
export const FEEDS = [
  { file: 'feeds/rss.xml', type: 'application/rss+xml', format: 'rss' },
  { file: 'feeds/atom.xml', type: 'application/atom+xml', format: 'atom' },
  { file: 'feeds/feed.json', type: 'application/feed+json', format: 'json' },
] as const

/** A feed lists this many newest digests: five days at one every four hours. */
export const FEED_DIGESTS = 30
/** An item's summary in a feed entry is cut to this many characters. */
const SUMMARY_CHARS = 280

export const SITE_TITLE = 'Digest Reader'
const SITE_DESCRIPTION = 'AI 新闻摘要：每期摘要及其条目'

/** One file a build writes under the app's root. */
export interface FeedFile {
  file: string
  text: string
}

/** One entry before it is written out in a format: titles are plain text here. */
export interface FeedEntry {
  title: string
  link: string
  date: Date
  /** Safe HTML: every piece of untrusted text escaped, only http(s) links. */
  html: string
}

/** The digest feeds in RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the newest digests first. */
export function buildDigestFeeds(newest: Iterable<Digest>, site: Site): FeedFile[] {
  const entries: FeedEntry[] = []
  for (const digest of newest) {
    if (entries.length >= FEED_DIGESTS) break
    entries.push(digestEntry(digest, site))
  }
  const channel = { title: SITE_TITLE, description: SITE_DESCRIPTION, link: site.root }
  return FEEDS.map(({ file, format }) => ({
    file,
    text: writeFeed(channel, entries, { format, self: absoluteUrl(site, file) }),
  }))
}

function digestEntry(digest: Digest, site: Site): FeedEntry {
  const rows = digest.items.map((item) => {
    const page = absoluteUrl(site, paths.item.getHref(item.id))
    const original = httpUrl(item.url)
    const summary = clip(plainText(item.summary), SUMMARY_CHARS)
    return [
      `<li><p><a href="${escapeHtml(page)}">${escapeHtml(item.title)}</a></p>`,
      summary && `<p>${escapeHtml(summary)}</p>`,
      original && `<p><a href="${escapeHtml(original)}">原文 / Original post</a></p>`,
      '</li>',
    ].join('')
  })
  return {
    title: digest.title,
    link: absoluteUrl(site, paths.digest.getHref(digest.id)),
    date: new Date(digest.time),
    html: `<ul>${rows.join('')}</ul>`,
  }
}

/**
 * One feed in one format, by the `feed` library. Two things it leaves to the caller: Atom and RSS
 * titles are read as HTML (Atom's `type="html"`, and most RSS readers), so they get escaped text,
 * while JSON Feed's are plain text; and it writes JSON Feed 1.0, which 1.1 extends without
 * changing a field this feed uses, so the version and the 1.1 `language` are set here.
 */
export function writeFeed(
  channel: { title: string; description: string; link: string },
  entries: FeedEntry[],
  options: { format: 'rss' | 'atom' | 'json'; self: string },
): string {
  const html = options.format !== 'json'
  const feed = new Feed({
    id: channel.link,
    title: channel.title,
    description: channel.description,
    link: channel.link,
    language: 'zh-CN',
    // The newest entry's time, never the clock: the same archive builds the same bytes.
    updated: entries[0]?.date ?? new Date(0),
    generator: SITE_TITLE,
    feedLinks: { [options.format]: options.self },
  })
  for (const entry of entries) {
    const item: Item = {
      id: entry.link,
      title: html ? escapeHtml(entry.title) : entry.title,
      link: entry.link,
      date: entry.date,
      published: entry.date,
      content: entry.html,
    }
    feed.addItem(item)
  }
  if (options.format === 'rss') return feed.rss2()
  if (options.format === 'atom') return feed.atom1()
  const json = JSON.parse(feed.json1()) as Record<string, unknown>
  return JSON.stringify({
    ...json,
    version: 'https://jsonfeed.org/version/1.1',
    language: 'zh-CN',
  })
}
