import type { InlineRun } from '../src/types/content.ts'

/** Characters XML 1.0 forbids even escaped (C0 controls but tab and newlines, lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the controls is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Untrusted text as HTML text or attribute value: every markup character escaped, and characters
 * no XML parser accepts dropped (the same strings go into the feeds). With `>` escaped the result
 * can never close a CDATA section either.
 */
export function escapeHtml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** An item summary's runs as plain text (what a preview's description and readable text show). */
export function plainText(runs: InlineRun[]): string {
  return runs
    .map((run) => run.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

/** At most `max` characters, cut at a character (never inside a surrogate pair), with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

/** The URL when it is http(s), else undefined: nothing else is ever linked. */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
