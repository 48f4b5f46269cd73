import * as v from 'valibot'
import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { digestSchema, type Digest } from '../src/types/content.ts'
import { compileFile, type FileResult } from './compile-file.ts'
import { DiagnosticSink, type Diagnostic } from './diagnostics.ts'
import { FUZZ_RUNS, FUZZ_SEED, anyDigest, digestPath, digestText } from './digest-arbitraries.ts'
import { normaliseSource } from './parse-digest.ts'
import type { PublisherConfig } from './publishers.ts'
import { readDigestFile } from './read-digest.ts'
import { readFrontMatter } from './front-matter.ts'

fc.configureGlobal({ seed: FUZZ_SEED })

const publisher: PublisherConfig = {
  id: 'default',
  name: 'default',
  mode: 'strict',
  timeZone: 'Asia/Shanghai',
  idPrefix: '',
}
const fileOf = (path: string, text: string) => ({ path, publisher: 'default', text })
const both = (file: ReturnType<typeof fileOf>) => ({
  strict: compileFile(file, publisher),
  lenient: compileFile(file, publisher, { lenient: true }),
})

/** A file the reader skips on purpose, without a word: `draft: true`. */
function isDraft(text: string): boolean {
  const fm = readFrontMatter(normaliseSource(text), new DiagnosticSink('x'))
  return fm?.data.draft === true
}

/** Every diagnostic names the file and a line of it (or the one after its end), and says something. */
function expectLocated(result: FileResult, text: string) {
  const lines = normaliseSource(text).split('\n').length
  const located = (d: Diagnostic) =>
    d.file === result.file &&
    Number.isInteger(d.line) &&
    d.line >= 1 &&
    d.line <= lines + 1 &&
    Number.isInteger(d.col) &&
    d.col >= 1 &&
    d.message.trim() !== ''
  // One assertion per file, not per diagnostic: ten thousand files would spend seconds in expect.
  expect(result.diagnostics.filter((d) => !located(d))).toEqual([])
}

const isHttp = (url: string) => /^https?:\/\//i.test(url) && /^https?:$/.test(new URL(url).protocol)
/** Every link of a compiled digest: item urls and the summaries' inline links. */
const linksOf = (digest: Digest) =>
  digest.items.flatMap((i) => [
    ...(i.url ? [i.url] : []),
    ...i.summary.flatMap((r) => (r.kind === 'link' ? [r.href] : [])),
  ])

/**
 * A tag of an HTML element the generators write, as CommonMark defines a tag (attributes with
 * balanced quotes, then `>`): raw HTML. `<think>` is no HTML and may stay; a fragment that is no
 * tag (`<a href="` in a sentence, `<a href=" >` with its quote open) is literal text.
 */
const ATTRIBUTE = String.raw`\s+[a-zA-Z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`
const HTML_TAG = new RegExp(
  String.raw`<(?:script|img|a|b|iframe|div|svg|br|style)(?:${ATTRIBUTE})*\s*\/?>|<\/(?:script|a|b|iframe|div|svg|style)\s*>`,
  'i',
)
/** What of an item came from markdown and is shown as text: never HTML. `code` is literal. */
const textsOf = (digest: Digest) =>
  digest.items.flatMap((i) => [
    i.title,
    i.section ?? '',
    ...i.summary.filter((r) => r.kind !== 'code').map((r) => r.text),
  ])

// Ten thousand files in both modes: 4–8 s a property when the machine is quiet, up to three times
// that when other jobs share its two cores. The timeout is for the busy case, not a budget.
vi.setConfig({ testTimeout: 120_000 })

describe(`one digest file, ${FUZZ_RUNS} generated files per property`, () => {
  test('never throws; a file not compiled is said why, at a line of the file', () => {
    fc.assert(
      fc.property(digestPath, anyDigest, (path, text) => {
        const { strict, lenient } = both(fileOf(path, text))
        expectLocated(strict, text)
        expectLocated(lenient, text)
        if (isDraft(text)) return
        if (!strict.digest)
          expect(strict.diagnostics.some((d) => d.severity === 'error')).toBe(true)
        if (!lenient.digest) expect(lenient.diagnostics.length).toBeGreaterThan(0)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('strict never accepts what lenient reports as an error', () => {
    fc.assert(
      fc.property(digestPath, anyDigest, (path, text) => {
        const sink = new DiagnosticSink(path)
        readDigestFile(text, sink, { mode: 'lenient', publisher })
        const strict = compileFile(fileOf(path, text), publisher)
        if (sink.hasErrors) expect(strict.digest).toBeUndefined()
        if (strict.digest) {
          expect(compileFile(fileOf(path, text), publisher, { lenient: true }).digest).toBeDefined()
        }
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('compiled digests hold only http(s) links and no raw HTML, and match the schema', () => {
    fc.assert(
      fc.property(digestPath, fc.oneof(digestText, anyDigest), (path, written) => {
        // Without backticks: a code span's text is literal (`<b>` shown as written), not HTML.
        // Without backslashes either: `\<b\>` is the author asking for the literal text.
        // Without linked pictures: dropping one joins the text around it, which may spell a tag
        // (a known gap, fuzz-counterexamples.test.ts).
        const text = written
          .replace(/[`\\]/g, '')
          .replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, ' ')
        const { strict, lenient } = both(fileOf(path, text))
        for (const digest of [strict.digest, lenient.digest]) {
          if (!digest) continue
          expect(v.safeParse(digestSchema, digest).success).toBe(true)
          expect(linksOf(digest).filter((url) => !isHttp(url))).toEqual([])
          expect(textsOf(digest).filter((t) => HTML_TAG.test(t))).toEqual([])
        }
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('deterministic: the same file compiles to the same result', () => {
    fc.assert(
      fc.property(digestPath, anyDigest, fc.boolean(), (path, text, lenient) => {
        const once = JSON.stringify(compileFile(fileOf(path, text), publisher, { lenient }))
        expect(JSON.stringify(compileFile(fileOf(path, text), publisher, { lenient }))).toBe(once)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})
