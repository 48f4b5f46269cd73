import type { Bookmark } from './bookmark-schema'

/**
 * Bookmarks for other tools: Markdown for notes apps, and the Netscape bookmark file that Chrome,
 * Firefox and Safari import. Both are written from the stored snapshot alone (title, links, note,
 * digest), so they work for bookmarks whose items have left the archive. Stored text is untrusted:
 * it is escaped for each format, and only http(s) links (the schema admits no others) become links.
 */
export interface ExportContext {
  /** The app's own page of an item (absolute), linked beside the original post. */
  itemUrl: (itemId: string) => string
  now: Date
}

/** Characters Markdown reads as syntax in running text. */
const MARKDOWN_SYNTAX = /[\\`*_[\]()<>!|~&]/g
const escapeMarkdown = (text: string) => oneLine(text).replace(MARKDOWN_SYNTAX, (c) => `\\${c}`)
/** A link destination in angle brackets: only `<`, `>` and line breaks would end it early. */
const markdownUrl = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/** A Markdown document: one entry per bookmark, in the order given (the page's: newest first). */
export function toMarkdown(bookmarks: Bookmark[], { itemUrl, now }: ExportContext): string {
  const lines = [`# Digest Reader bookmarks`, '', `Exported ${now.toISOString()}.`, '']
  for (const b of bookmarks) {
    const title = escapeMarkdown(b.title)
    lines.push(b.url ? `- [${title}](${markdownUrl(b.url)})` : `- ${title}`)
    const digest = [b.digestTitle, b.digestDate.slice(0, 10)].filter(Boolean).map(escapeMarkdown)
    if (digest.length) lines.push(`  - Digest: ${digest.join(' · ')}`)
    lines.push(`  - In the reader: ${markdownUrl(itemUrl(b.itemId))}`)
    if (b.note.trim()) lines.push(`  - Note: ${escapeMarkdown(b.note)}`)
  }
  return lines.join('\n') + '\n'
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000)

/**
 * The Netscape bookmark file format browsers import: one folder, an entry per bookmark linking
 * to the original post (or to the item's page when it had no link), its note as the description.
 */
export function toBookmarksHtml(bookmarks: Bookmark[], { itemUrl, now }: ExportContext): string {
  const stamp = Math.floor(now.getTime() / 1000)
  const entries = bookmarks.map((b) => {
    const href = escapeHtml(b.url ?? itemUrl(b.itemId))
    const added = epochSeconds(b.savedAt)
    const note = oneLine(b.note)
    return (
      `        <DT><A HREF="${href}" ADD_DATE="${added}">${escapeHtml(oneLine(b.title))}</A>\n` +
      (note ? `        <DD>${escapeHtml(note)}\n` : '')
    )
  })
  return [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    `    <DT><H3 ADD_DATE="${stamp}" LAST_MODIFIED="${stamp}">Digest Reader</H3>`,
    '    <DL><p>',
    ...entries.map((e) => e.trimEnd()),
    '    </DL><p>',
    '</DL><p>',
    '',
  ].join('\n')
}
