import { contentLang } from '@/lib/content-lang'

/**
 * Text from the archive or the reader (a title, a category, a query) inside the app's own words.
 * `dir="auto"` isolates it (`unicode-bidi: isolate`, as `<bdi>` would, but a plain span to
 * accessibility APIs): a right-to-left override (U+202E) or an unclosed embedding in it cannot
 * reorder the words around it. Its `lang` is the text's own, whatever the UI language is.
 */
export function ContentText({ text }: { text: string }) {
  return (
    <span dir="auto" lang={contentLang(text)}>
      {text}
    </span>
  )
}
