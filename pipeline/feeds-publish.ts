import type { HtmlTagDescriptor } from 'vite'
import type { CompiledContent } from './assemble.ts'
import { digestsNewestFirst } from './feeds-archive.ts'
import { resolveSite, type Site } from './feeds-site.ts'
import { buildTopicFeeds } from './feeds-topics.ts'
import { buildDigestFeeds, FEEDS, SITE_TITLE, type FeedFile } from './feeds.ts'
import { hasPreviewSlots } from './link-previews.ts'
import { writePreviewPages, type ItemPages } from './link-previews-write.ts'

const FEED_TITLES: Record<(typeof FEEDS)[number]['format'], string> = {
  rss: 'RSS',
  atom: 'Atom',
  json: 'JSON Feed',
}

/**
 * What a build publishes beside the app for readers without it: the feeds and the link-preview
 * pages. The content plugin calls it from its hooks; this is the one place that reads SITE_URL.
 */
export function publishedFiles(options: { itemPages?: ItemPages }) {
  let base = '/'
  let site: Site | undefined
  const siteOf = () => (site ??= resolveSite({ siteUrl: process.env.SITE_URL, base }))
  return {
    /** Takes the build's base path and says (once) when SITE_URL is missing. */
    configure(buildBase: string) {
      base = buildBase
      site = undefined
      const warning = siteOf().warning
      if (warning) console.warn(`warning: ${warning}`)
    },
    /** A `<link rel="alternate">` per digest feed, for the head of index.html. */
    headTags(): HtmlTagDescriptor[] {
      return FEEDS.map(({ file, type, format }) => ({
        tag: 'link',
        attrs: {
          rel: 'alternate',
          type,
          title: `${SITE_TITLE} (${FEED_TITLES[format]})`,
          href: `${base}${file}`,
        },
        injectTo: 'head',
      }))
    },
    /** The digest feeds and the topic feeds. */
    feeds(content: CompiledContent): FeedFile[] {
      return [
        ...buildDigestFeeds(digestsNewestFirst(content), siteOf()),
        ...buildTopicFeeds(content, siteOf()),
      ]
    },
    /** Writes the digest and item pages into the written build. */
    async previews(content: CompiledContent, where: { outDir: string; indexHtml: string }) {
      // An app page without a <title> or an empty #root (a test fixture's) gets no previews, and
      // says so; the project's index.html has both (e2e/previews-feeds.e2e.ts fetches its pages).
      if (!hasPreviewSlots(where.indexHtml)) {
        console.warn('warning: index.html has no <title> or empty #root: no link-preview pages')
        return
      }
      const start = performance.now()
      const stats = await writePreviewPages({
        ...where,
        digests: digestsNewestFirst(content),
        site: siteOf(),
        itemPages: options.itemPages,
      })
      const mb = (stats.bytes / 1e6).toFixed(1)
      console.log(
        `link previews: ${stats.digestPages} digest and ${stats.itemPages} item pages (${mb} MB) in ${((performance.now() - start) / 1000).toFixed(2)} s`,
      )
      if (stats.skipped.length)
        console.warn(`warning: no preview page for ids ${stats.skipped.slice(0, 5).join(', ')}`)
    },
  }
}
