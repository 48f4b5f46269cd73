import type { Digest, Item } from '../src/types/content.ts'
import { paths } from '../src/config/paths.ts'
import { absoluteUrl, type Site } from './feeds-site.ts'
import { SITE_TITLE } from './feeds.ts'
import { clip, escapeHtml, httpUrl, plainText } from './link-previews-html.ts'

/** Descriptions are cut here: chat apps show about two lines, and search engines ~160 characters. */
const DESCRIPTION_CHARS = 200
/** A digest page's description names its first few items. */
const DESCRIBED_ITEMS = 3

/** The built index.html cut where a page's head tags and readable text go. */
export interface PreviewTemplate {
  head: string
  middle: string
  tail: string
}

const TITLE = /<title>[^<]*<\/title>\s*/i
const DESCRIPTION = /<meta name="description"[^>]*>\s*/i
const ROOT = '<div id="root"></div>'

/** Whether an index.html has the `<title>` and empty `#root` a preview page fills in. */
export function hasPreviewSlots(indexHtml: string): boolean {
  const title = TITLE.exec(indexHtml)
  const root = indexHtml.indexOf(ROOT)
  return !!title && root > title.index
}

/**
 * Cuts the built index.html (every script, the CSP meta, the theme script and the head preload
 * exactly as the app is served) around its `<title>` and its empty `#root`. The site description
 * goes: each page says its own. A changed index.html that lacks either fails the build here rather
 * than writing pages without their tags.
 */
export function previewTemplate(indexHtml: string): PreviewTemplate {
  const title = TITLE.exec(indexHtml)
  const root = indexHtml.indexOf(ROOT)
  if (!title || !hasPreviewSlots(indexHtml))
    throw new Error(
      'index.html: link previews need a <title> in the head and an empty <div id="root"></div>',
    )
  const middle = indexHtml.slice(title.index + title[0].length, root).replace(DESCRIPTION, '')
  return {
    head: indexHtml.slice(0, title.index).replace(DESCRIPTION, ''),
    middle,
    tail: indexHtml.slice(root + ROOT.length),
  }
}

/** What one page says about itself; all of it plain (untrusted) text. */
interface PageMeta {
  title: string
  description: string
  path: string
  type: 'article' | 'website'
}

function headTags(meta: PageMeta, site: Site): string {
  const url = escapeHtml(absoluteUrl(site, meta.path))
  const title = escapeHtml(meta.title)
  const description = escapeHtml(meta.description)
  return [
    `<title>${title} · ${SITE_TITLE}</title>`,
    `<meta name="description" content="${description}" />`,
    `<link rel="canonical" href="${url}" />`,
    `<meta property="og:type" content="${meta.type}" />`,
    `<meta property="og:site_name" content="${SITE_TITLE}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${url}" />`,
    `<meta property="og:locale" content="zh_CN" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${title}" />`,
    `<meta name="twitter:description" content="${description}" />`,
  ].join('\n    ')
}

const page = (template: PreviewTemplate, head: string, body: string) =>
  `${template.head}${head}\n    ${template.middle}<div id="root">${body}</div>${template.tail}`

/** An app path under the base path, for the readable text's own links. */
const local = (site: Site, path: string) => escapeHtml(new URL(absoluteUrl(site, path)).pathname)

/** The page of `/digests/<id>`: its title, date and its items' titles linked to their pages. */
export function digestPage(template: PreviewTemplate, digest: Digest, site: Site): string {
  const titles = digest.items.slice(0, DESCRIBED_ITEMS).map((item) => item.title)
  const description = clip(`${digest.items.length} 条 · ${titles.join('；')}`, DESCRIPTION_CHARS)
  const rows = digest.items.map(
    (item) =>
      `<li><a href="${local(site, paths.item.getHref(item.id))}">${escapeHtml(item.title)}</a></li>`,
  )
  const body = `<main><h1>${escapeHtml(digest.title)}</h1><p><time datetime="${escapeHtml(digest.date)}">${escapeHtml(digest.date.slice(0, 16).replace('T', ' '))}</time></p><ol>${rows.join('')}</ol></main>`
  const meta: PageMeta = {
    title: digest.title,
    description,
    path: paths.digest.getHref(digest.id),
    type: 'website',
  }
  return page(template, headTags(meta, site), body)
}

/** The page of `/items/<id>`: its title, summary, the original post and the digest it is in. */
export function itemPage(
  template: PreviewTemplate,
  item: Item,
  digest: Digest,
  site: Site,
): string {
  const summary = plainText(item.summary)
  const original = httpUrl(item.url)
  const body = [
    `<main><article><h1>${escapeHtml(item.title)}</h1>`,
    summary && `<p>${escapeHtml(summary)}</p>`,
    original && `<p><a href="${escapeHtml(original)}">原文 / Original post</a></p>`,
    `<p><a href="${local(site, paths.digest.getHref(digest.id))}">${escapeHtml(digest.title)}</a></p>`,
    '</article></main>',
  ].join('')
  const meta: PageMeta = {
    title: item.title,
    description: clip(summary || digest.title, DESCRIPTION_CHARS),
    path: paths.item.getHref(item.id),
    type: 'article',
  }
  return page(template, headTags(meta, site), body)
}
