/**
 * fast-check generators of digest files for the compiler's fuzz tests: valid digests, the same
 * with hostile parts (bad dates, wrong YAML types, HTML, non-http(s) links, bidi controls, lone
 * surrogates, huge strings), mutated ones and random text. Inputs stay small so ten thousand runs
 * of a property fit in the unit suite.
 */
import fc from 'fast-check'

/** Runs per property: the floor. */
export const FUZZ_RUNS = 10_000

/**
 * The same ten thousand cases on every run, so CI is red only when the code changed: what the
 * fuzzer finds is kept as a named test. `FUZZ_SEED=<n>` (or `random`) explores other cases.
 */
export const FUZZ_SEED = fuzzSeed(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FUZZ_SEED,
)

export function fuzzSeed(setting: string | undefined): number {
  if (setting === 'random') return Math.floor(Math.random() * 2 ** 31)
  return setting ? Number(setting) : 20_261_202
}

/** A word long enough to stress the reader without slowing ten thousand runs. */
const HUGE = 'x'.repeat(1_000)

/** Raw HTML a digest may carry: every one must be dropped (or kept as text only when no HTML). */
export const HTML_SNIPPETS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>粗</b>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<div>\n块\n</div>',
  '<svg onload=alert(1)>',
  '<br>',
  '<style>*{}</style>',
]

const LINKS = [
  'https://a.example/1',
  'http://b.example/p?q=1#f',
  'https://x.com/user/status/123',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  // No tag in it: a refused link is kept as its text, and this text is a url, not markup.
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox',
  'file:///etc/passwd',
  'https:example.com',
  'http:\\\\evil.example',
  '//evil.example/x',
  '/relative/path',
  '',
  'https://',
  'https://a.example/space in',
  'https://例え.example/路径',
  'mailto:a@b.example',
]

/** Text pieces: scripts, marks, controls and markdown syntax a digest's text may hold. */
const TEXT_PIECES = [
  '模型',
  '强化学习',
  'RLVR',
  'Claude Code',
  'AI 发展',
  '🚀',
  '👩‍💻',
  '\u202e反转\u202c',
  '\u2066isolate\u2069',
  '\u200f',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufffd',
  'é',
  'ﬁ',
  'ＡＢＣ',
  '**粗体**',
  '_斜体_',
  '**标签**：',
  '（括号）',
  '⭐ 9.0/10',
  '[链接](https://c.example/1)',
  '[坏](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<https://auto.example>',
  'www.bare.example',
  '![图](javascript:alert(1))',
  '[![图](https://i.example/p.png)](https://i.example/p.png)',
  '<think>',
  '<a href="',
  '|',
  '#',
  '*',
  '>',
  '---',
  '  ',
  '\n',
  HUGE,
  ...HTML_SNIPPETS,
]

const text = fc
  .array(fc.oneof(fc.constantFrom(...TEXT_PIECES), fc.string({ maxLength: 8 })), { maxLength: 5 })
  .map((parts) => parts.join(' '))

/** Small text without newlines, for one line of markdown. */
const inlineText = text.map((t) => t.replace(/\n/g, ' '))
/** Half the links usable, so that many items (and files) compile and their output is checked. */
const link = fc.oneof(fc.constantFrom(...LINKS), fc.webUrl({ size: 'small' }))

/** A YAML value, written as YAML: the right type, the wrong one, or hostile text. */
const yamlScalar = fc.oneof(
  fc.constantFrom(
    '2025-12-22T04:08:38+08:00',
    '2025-12-22T04:08:38Z',
    '2025-12-22 04:08',
    '2025-12-22',
    '2025-02-30T04:00:00+08:00',
    '2025-13-01T00:00:00Z',
    '0050-01-01T00:00:00Z',
    '9999-12-31T23:59:60+14:00',
    '2025-12-22T04:08:38+15:00',
    '2025-12-22T24:00:00Z',
    '+275760-09-13T00:00:00Z',
    'next tuesday',
    '1766347718000',
    '~',
    'null',
    'true',
    'yes',
    '.nan',
    '-.inf',
    '0x1F',
    '[]',
    '{}',
    '[a, 1, null, [b]]',
    '{toString: 1}',
    '{valueOf: 1, toString: 2}',
    '{__proto__: 1}',
    '!!binary aGk=',
    '!!timestamp 2025-12-22',
    '!!js/function "x"',
    '&a [1]',
    '*a',
    "'单引号 '' 转义'",
    '"\\u202e\\ud800 escaped"',
    '|\n  block\n  text',
  ),
  inlineText.map((t) => JSON.stringify(t)),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
)

const KEYS = ['title', 'date', 'categories', 'draft', 'tags', 'lang', '__proto__', 'toString']
const frontLine = fc.tuple(
  fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })),
  yamlScalar,
)

/** Front matter: a usable title and date three times in four each, with 0–2 extra lines of anything. */
const front = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, yamlScalar),
    fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, yamlScalar),
    fc.array(frontLine, { maxLength: 2 }),
  )
  .map(([title, date, extra]) => {
    const lines = [
      title === null ? 'title: "测试摘要"' : `title: ${title}`,
      date === null ? 'date: 2025-12-22T04:08:38+08:00' : `date: ${date}`,
      ...extra.map(([key, value]) => `${key}: ${value}`),
    ]
    return `---\n${lines.join('\n')}\n---\n`
  })

/** One item in one of the shapes the reader knows (docs/content-format.md), hostile parts inside. */
const item = fc
  .tuple(
    fc.constantFrom('numbered', 'bullet', 'heading', 'bold', 'table', 'html-block'),
    inlineText,
    link,
    text,
  )
  .map(([shape, title, url, summary]) => {
    const indented = summary.replace(/\n/g, '\n    ')
    switch (shape) {
      case 'numbered':
        return `1.  [${title}](${url})\n\n    ${indented}\n`
      case 'bullet':
        return `- [${title}](${url}) — ${summary.replace(/\n/g, '\n  ')}\n`
      case 'heading':
        return `## [${title}](${url})\n\n${summary}\n`
      case 'bold':
        return `- **${title}**: ${summary.replace(/\n/g, ' ')} [Link](${url})\n`
      case 'table':
        return `| 1 | [${title}](${url}) | ${summary.replace(/[\n|]/g, ' ')} |\n`
      default:
        return `<div>\n${title}\n</div>\n\n1. [${title}](${url})\n`
    }
  })

const section = inlineText.map((name) => `## ${name}\n`)
const body = fc
  .array(fc.oneof({ weight: 4, arbitrary: item }, section), { minLength: 0, maxLength: 4 })
  .map((parts) => parts.join('\n'))

/** A digest as a publisher might write it: usually readable, hostile in its parts. */
export const digestText = fc.tuple(front, body).map(([f, b]) => f + b)

/** A digest with 1–3 edits: cuts, repeats, inserted pieces, line endings, a BOM. */
export const mutatedDigest = fc
  .tuple(
    digestText,
    fc.array(
      fc.tuple(
        fc.constantFrom('cut', 'repeat', 'insert', 'crlf', 'bom', 'swap'),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...TEXT_PIECES, '---\n', '\n\n', '    ', '[', ']('),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([source, edits]) =>
    edits.reduce((s, [kind, a, b, piece]) => {
      const at = s.length === 0 ? 0 : a % s.length
      const len = b % 40
      if (kind === 'cut') return s.slice(0, at) + s.slice(at + len)
      if (kind === 'repeat') return s.slice(0, at + len) + s.slice(at, at + len) + s.slice(at + len)
      if (kind === 'insert') return s.slice(0, at) + piece + s.slice(at)
      if (kind === 'crlf') return s.replace(/\n/g, '\r\n')
      if (kind === 'bom') return '\ufeff' + s
      const lines = s.split('\n')
      const i = a % lines.length
      const j = b % lines.length
      ;[lines[i], lines[j]] = [lines[j]!, lines[i]!]
      return lines.join('\n')
    }, source),
  )

/** Anything: valid, hostile, mutated digests, and random (binary-ish) text. */
export const anyDigest = fc.oneof(
  { weight: 3, arbitrary: digestText },
  { weight: 4, arbitrary: mutatedDigest },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
)

/** A file path inside the content folder, where a lenient file's name may hold its date. */
export const digestPath = fc.constantFrom(
  'd.md',
  '2025/12/2025-12-22-04.md',
  'pub/2026-03-01-daily.md',
  'pub/日报.md',
  'pub/index.md',
)
