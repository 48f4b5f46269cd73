/**
 * `npx tsx pipeline/corpora-root.ts [--corpora DIR] [--out DIR]`: assembles a content root that
 * reads the shared corpora (four other publishers' archives) beside the seed, for compiling or
 * browsing them by hand: `npm run content -- --in <printed dir> --out /tmp/corpora-out`, or
 * `DIGESTS_DIR=<printed dir> npx vite build --outDir dist-corpora`. Each publisher folder holds a
 * `publisher.json` and a copy of the archive's folders, made in the temp root (never in the
 * repository): the compiler refuses links that lead outside its content root.
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export interface CorporaPublisher {
  id: string
  name: string
  /** Folders of the archive (relative to the corpora dir), each linked under the publisher. */
  folders: { link: string; target: string }[]
}

/** The four archives described in `../shared/corpora/README.md`, as lenient publishers. */
export const CORPORA_PUBLISHERS: CorporaPublisher[] = [
  {
    id: 'horizon',
    name: 'Horizon 摘要',
    folders: [{ link: 'posts', target: 'super468__Horizon/_posts' }],
  },
  {
    id: 'ai-insights',
    name: 'AI 每日热点',
    folders: [{ link: 'daily', target: 'Ming-H__ai-insights/content/daily' }],
  },
  {
    id: 'ylq-box',
    name: 'AI 速递 (ylq-box)',
    folders: [
      { link: 'ai-news', target: 'ALVIN-YANG__ylq-box/src/content/docs/ai-news' },
      { link: 'ai-news-daily', target: 'ALVIN-YANG__ylq-box/src/data/ai-news-daily' },
    ],
  },
  {
    id: 'ai-daily-blog',
    name: 'AI 日报 (ai-daily-blog)',
    folders: [{ link: 'posts', target: 'nil957__ai-daily-blog/_posts' }],
  },
]

/** `../shared/corpora` seen from the repository root. */
export function defaultCorporaDir(repoRoot = process.cwd()): string {
  return resolve(repoRoot, '../shared/corpora')
}

/**
 * Creates (in `target`, or a new temp dir) one folder per corpora publisher with its
 * `publisher.json` and a copy of its archive folders, plus a copy of each seed publisher folder.
 * Returns the content root's path.
 */
export async function assembleCorporaRoot(
  corporaDir: string,
  seedRoot: string,
  target?: string,
): Promise<string> {
  const root = target ? resolve(target) : await mkdtemp(join(tmpdir(), 'corpora-root-'))
  await mkdir(root, { recursive: true })
  for (const publisher of CORPORA_PUBLISHERS) {
    const dir = join(root, publisher.id)
    await mkdir(dir, { recursive: true })
    const config = { name: publisher.name, mode: 'lenient', timeZone: 'Asia/Shanghai' }
    await writeFile(join(dir, 'publisher.json'), `${JSON.stringify(config, null, 2)}\n`)
    for (const folder of publisher.folders) {
      const from = join(dir, folder.link)
      const to = resolve(corporaDir, folder.target)
      if (existsSync(to) && !existsSync(from)) await cp(to, from, { recursive: true })
    }
  }
  // The seed's own publisher folders (with their publisher.json) are copied as they are.
  for (const entry of await readdir(seedRoot, { withFileTypes: true })) {
    const from = join(root, entry.name)
    if (entry.isDirectory() && !existsSync(from)) {
      await cp(resolve(seedRoot, entry.name), from, { recursive: true })
    }
  }
  return root
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpora: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  })
  const corpora = resolve(values.corpora ?? defaultCorporaDir())
  if (!existsSync(corpora)) {
    console.error(`no corpora at ${corpora}`)
    process.exit(2)
  }
  const seed = resolve(values.seed ?? 'content/digests')
  console.log(await assembleCorporaRoot(corpora, seed, values.out))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main()
}
