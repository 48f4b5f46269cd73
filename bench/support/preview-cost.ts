/**
 * What feeds and link-preview pages add to a build: the time to make them and their bytes, raw
 * and compressed as nginx serves them (gzip 6 and brotli 5 on the fly; deploy/nginx/). For
 * bench/load-bench.ts to call per size (`measurePreviewCost(await contentRootOf(size))`), or run
 * alone: `npx tsx bench/support/preview-cost.ts <content root> [newest digests with item pages]`.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { compileDir } from '../../pipeline/compile-dir.ts'
import { digestsNewestFirst } from '../../pipeline/feeds-archive.ts'
import { resolveSite } from '../../pipeline/feeds-site.ts'
import { buildTopicFeeds } from '../../pipeline/feeds-topics.ts'
import { buildDigestFeeds } from '../../pipeline/feeds.ts'
import { writePreviewPages, type ItemPages } from '../../pipeline/link-previews-write.ts'

/** A built index.html of today's size (~1.9 KB: CSP meta, five script/style links, the head preload). */
const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;; style-src &#39;self&#39;; img-src &#39;self&#39;; font-src &#39;self&#39;; connect-src &#39;self&#39;; worker-src &#39;self&#39;; manifest-src &#39;self&#39;; object-src &#39;none&#39;; base-uri &#39;none&#39;; form-action &#39;self&#39;" />
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta name="color-scheme" content="light dark" />
    <meta name="theme-color" content="#fbfaf8" media="(prefers-color-scheme: light)" />
    <meta name="theme-color" content="#141312" media="(prefers-color-scheme: dark)" />
    <meta name="description" content="AI 新闻摘要阅读器：时间线、分类、搜索与收藏" />
    <title>Digest Reader</title>
    <script src="/theme.js"></script>
    <script type="module" crossorigin src="/assets/index-0BbUKg1z.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/rolldown-runtime-XKyaHtl9.js">
    <link rel="modulepreload" crossorigin href="/assets/react-CCv092GZ.js">
    <link rel="modulepreload" crossorigin href="/assets/vendor-Bqs4W2Ox.js">
    <link rel="stylesheet" crossorigin href="/assets/index-CVDj22dI.css">
    <link rel="preload" as="fetch" crossorigin href="/data/head.c01dfbf32618.json" data-digest-head="data/head.c01dfbf32618.json">
    <link rel="alternate" type="application/rss+xml" title="Digest Reader (RSS)" href="/feeds/rss.xml">
    <link rel="alternate" type="application/atom+xml" title="Digest Reader (Atom)" href="/feeds/atom.xml">
    <link rel="alternate" type="application/feed+json" title="Digest Reader (JSON Feed)" href="/feeds/feed.json">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`

export interface Bytes {
  files: number
  raw: number
  gzip: number
  brotli: number
}

export interface PreviewCost {
  digests: number
  /** Making the feeds (reading the newest chunks back included). */
  feedsMs: number
  /** Reading every chunk back and writing every page. */
  pagesMs: number
  feeds: Bytes
  digestPages: Bytes
  itemPages: Bytes
  /** The largest page, raw bytes. */
  largestPage: number
}

function add(total: Bytes, text: Buffer | string): void {
  {
    const buf = Buffer.from(text)
    total.files++
    total.raw += buf.length
    // nginx leaves files under 512 bytes as they are (gzip_min_length / brotli_min_length).
    if (buf.length < 512) {
      total.gzip += buf.length
      total.brotli += buf.length
      return
    }
    total.gzip += gzipSync(buf, { level: 6 }).length
    total.brotli += brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
    }).length
  }
}

const noBytes = (): Bytes => ({ files: 0, raw: 0, gzip: 0, brotli: 0 })

/** A folder's files one at a time (72k pages at three years: never all open or in memory). */
async function bytesOfDir(dir: string): Promise<Bytes & { largest: number }> {
  const total = { ...noBytes(), largest: 0 }
  for (const name of await readdir(dir)) {
    const text = await readFile(join(dir, name))
    total.largest = Math.max(total.largest, text.length)
    add(total, text)
  }
  return total
}

/** Compiles a content folder (from its cache when warm) and measures feeds and preview pages. */
export async function measurePreviewCost(
  contentRoot: string,
  options: { itemPages?: ItemPages } = {},
): Promise<PreviewCost> {
  const result = await compileDir(contentRoot)
  if (!result.ok) throw new Error(`${contentRoot} does not compile`)
  const content = result.content
  const site = resolveSite({ siteUrl: 'https://digest.example.org', base: '/' })
  const out = await mkdtemp(join(tmpdir(), 'preview-cost-'))
  try {
    let start = performance.now()
    const feeds = [
      ...buildDigestFeeds(digestsNewestFirst(content), site),
      ...buildTopicFeeds(content, site),
    ]
    const feedsMs = performance.now() - start
    start = performance.now()
    await writePreviewPages({
      outDir: out,
      indexHtml: INDEX_HTML,
      digests: digestsNewestFirst(content),
      site,
      itemPages: options.itemPages,
    })
    const pagesMs = performance.now() - start
    const { largest: largestDigest, ...digestPages } = await bytesOfDir(join(out, 'digests'))
    const { largest: largestItem, ...itemPages } = await bytesOfDir(join(out, 'items'))
    const feedBytes = noBytes()
    for (const feed of feeds) add(feedBytes, feed.text)
    return {
      digests: content.head.digestCount,
      feedsMs,
      pagesMs,
      feeds: feedBytes,
      digestPages,
      itemPages,
      largestPage: Math.max(largestDigest, largestItem),
    }
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root, newest] = process.argv.slice(2)
  if (!root)
    throw new Error('usage: preview-cost.ts <content root> [newest digests with item pages]')
  const cost = await measurePreviewCost(root, {
    itemPages: newest ? { newestDigests: Number(newest) } : 'all',
  })
  console.log(JSON.stringify(cost, null, 2))
}
