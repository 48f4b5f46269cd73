/**
 * fast-check generators of content folders for the compiler's fuzz tests: a root digest and
 * publisher folders whose publisher.json is right, wrong in any key, mangled or random.
 */
import fc from 'fast-check'
import { compileContent } from './compile.ts'
import { anyDigest, digestText } from './digest-arbitraries.ts'
import { groupContent } from './publishers.ts'

/** A publisher.json value: each key right, wrong or hostile; sometimes not an object at all. */
const words = fc.array(
  fc.oneof(fc.constantFrom('原文', '标签', '', ' ', 'x'.repeat(50)), fc.string()),
  {
    maxLength: 3,
  },
)
const anything = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
)
const shape = fc.record(
  {
    sectionLevels: fc.oneof(fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 3 }), anything),
    skipSections: fc.oneof(words, anything),
    items: fc.oneof(fc.constantFrom('auto', 'list-items', 'headings', 'rows'), anything),
    labels: fc.oneof(
      fc.record({ link: words, tags: words, summary: words }, { requiredKeys: [] }),
      anything,
    ),
    titles: fc.oneof(
      fc.record(
        {
          from: fc.constantFrom('auto', 'bold', 'clause', 'x'),
          maxLength: fc.integer({ min: 0, max: 300 }),
        },
        { requiredKeys: [] },
      ),
      anything,
    ),
    __proto__: anything,
  },
  { requiredKeys: [] },
)
const config = fc.record(
  {
    name: fc.oneof(fc.constantFrom('出版方', '', '\u202eevil', 'x'.repeat(1_000)), anything),
    default: fc.oneof(fc.boolean(), anything),
    mode: fc.oneof(fc.constantFrom('strict', 'lenient'), anything),
    timeZone: fc.oneof(
      fc.constantFrom('Asia/Shanghai', 'UTC', 'Mars/Olympus', '+08:00', ''),
      anything,
    ),
    shape: fc.oneof({ weight: 3, arbitrary: shape }, anything),
    extra: anything,
  },
  { requiredKeys: [] },
)
/** A config the schema accepts: most folders should compile, so their output is checked too. */
const validConfig = fc.record(
  {
    name: fc.constantFrom('出版方', 'AI News', '\u202eevil'),
    mode: fc.constantFrom('strict', 'lenient'),
    timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/Los_Angeles'),
    shape: fc.record(
      {
        sectionLevels: fc.constant([2]),
        items: fc.constantFrom('auto', 'list-items', 'headings'),
        labels: fc.constant({ link: ['原文'] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)
/** publisher.json as written: the config as JSON, mangled JSON, or random text. */
const configText = fc.oneof(
  { weight: 6, arbitrary: validConfig.map((c) => JSON.stringify(c, null, 2)) },
  { weight: 6, arbitrary: config.map((c) => JSON.stringify(c, null, 2)) },
  {
    weight: 2,
    arbitrary: fc.tuple(config, fc.nat()).map(([c, cut]) => JSON.stringify(c).slice(0, cut % 60)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
)

/** A digest the strict default publisher accepts, so that most folders compile. */
const VALID =
  '---\ntitle: "测试摘要"\ndate: 2025-12-22T04:08:38+08:00\ncategories: [模型]\n---\n' +
  '1.  [标题](https://x.com/a/status/1)\n\n    **强化学习** 摘要 [链接](https://a.example/2)\n'

/**
 * A content folder: a root digest (valid or generated), and one or two publisher folders,
 * each with or without a publisher.json, holding one digest. Small, so two compiles of ten
 * thousand folders fit in the unit suite.
 */
export const contentFiles = fc
  .tuple(
    fc.oneof(fc.constant(VALID), digestText),
    fc.array(
      fc.record({
        folder: fc.constantFrom('pub', 'AI News', 'ai-news', '日报'),
        config: fc.option(configText, { freq: 4 }),
        digest: fc.oneof(fc.constant(VALID), anyDigest),
      }),
      { maxLength: 2 },
    ),
  )
  .map(([root, folders]) => {
    const files: Record<string, string> = { '2025-12-22-04.md': root }
    folders.forEach(({ folder, config, digest }, i) => {
      if (config !== null) files[`${folder}/publisher.json`] = config
      files[`${folder}/2026-03-0${i + 1}-daily.md`] = digest
    })
    return files
  })

/** Compiles a folder (path → text) as the CLI would, every publisher lenient with `lenient`. */
export const compile = (files: Record<string, string>, lenient: boolean) =>
  compileContent(groupContent(Object.entries(files).map(([path, text]) => ({ path, text }))), {
    lenient,
  })
