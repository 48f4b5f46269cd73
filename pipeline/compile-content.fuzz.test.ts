import * as v from 'valibot'
import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import { headSchema } from '../src/types/content.ts'
import type { CompileResult } from './compile.ts'
import { compile, contentFiles } from './content-arbitraries.ts'
import { FUZZ_RUNS, FUZZ_SEED } from './digest-arbitraries.ts'

fc.configureGlobal({ seed: FUZZ_SEED })

/** Every diagnostic names a file of the folder (a publisher's config by its own path) and a line. */
function expectLocated(result: CompileResult, files: Record<string, string>) {
  const bad = result.diagnostics.filter(
    (d) => !(d.file in files) || !Number.isInteger(d.line) || d.line < 1 || !d.message.trim(),
  )
  expect(bad).toEqual([])
  if (!result.ok) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true)
}

/** Every `url` and `href` value in a compiled file's JSON text (a scan: parsing costs more). */
const linksIn = (json: string) =>
  [...json.matchAll(/"(?:url|href)":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!) as string)

// Ten thousand folders compiled twice: about 30 s on this 2-core machine when it is quiet, three
// times that when other jobs share it. The timeout is for the busy case, not a budget.
vi.setConfig({ testTimeout: 180_000 })

/** The compiled files as names and texts (or the diagnostics), to compare two runs byte for byte. */
const bytesOf = (result: CompileResult) =>
  JSON.stringify(
    result.ok
      ? [...result.content.files].map(([name, body]) => [name, body.text()])
      : result.diagnostics,
  )

describe(`content folders with publisher.json, ${FUZZ_RUNS} generated folders`, () => {
  // One property, two compiles: a second property would compile every folder again, and ten
  // thousand compiles of a whole folder are most of this file's time.
  test('never rejects; says why at a file and line; only http(s) links; byte-identical twice', async () => {
    await fc.assert(
      fc.asyncProperty(contentFiles, fc.boolean(), async (files, lenient) => {
        const result = await compile(files, lenient)
        expectLocated(result, files)
        expect(bytesOf(await compile(files, lenient))).toBe(bytesOf(result))
        if (!result.ok) return
        expect(v.safeParse(headSchema, result.content.head).success).toBe(true)
        const links = [...result.content.files.values()].flatMap((b) => linksIn(b.text()))
        // Read strictly, a root digest (not a draft) compiles only with linked items: the scan
        // must see their links.
        const root = result.content.head.newest.some((d) => d.publisher === 'default')
        if (!lenient && root) expect(links.length).toBeGreaterThan(0)
        expect(links.filter((url) => !/^https?:\/\//i.test(url))).toEqual([])
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})
