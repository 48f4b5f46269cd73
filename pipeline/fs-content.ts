import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { groupContent, PUBLISHER_CONFIG, type ContentSource } from './publishers.ts'
import type { Diagnostic } from './diagnostics.ts'
import { TOPICS_FILE } from './topic-aliases.ts'

/** The content root: `DIGESTS_DIR` when set, else the bundled `content/digests`. */
export function contentRoot(cwd = process.cwd()): string {
  return resolve(cwd, process.env.DIGESTS_DIR || 'content/digests')
}

/**
 * Reads every `*.md` digest (any depth) and publisher config under `root`. Symlinks are followed
 * while they stay inside the content root (each real folder once, so a link cycle cannot loop).
 * A file or folder whose real path is outside the root is never read: it is an error naming the
 * link and where it leads, so the build fails and writes nothing (files outside the content
 * folder must never reach the published JSON).
 */
export async function readContentDir(root: string): Promise<ContentSource> {
  const entries: { path: string; text: string }[] = []
  // Files are read all at once (a year is thousands), each into its own slot: the order of
  // `entries` is the walk's, whatever order the reads finish in.
  const reads: Promise<void>[] = []
  const refused: Diagnostic[] = []
  const realRoot = await realpath(root)
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep)
  const seen = new Set<string>()
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir)
    if (seen.has(real)) return
    seen.add(real)
    const children = await readdir(dir, { withFileTypes: true })
    for (const child of children) {
      if (child.name.startsWith('.')) continue
      const full = join(dir, child.name)
      const path = relative(root, full).split(sep).join('/')
      const isContent =
        /\.md$/i.test(child.name) || child.name === PUBLISHER_CONFIG || path === TOPICS_FILE
      const target = child.isSymbolicLink()
        ? await linkTarget(full)
        : { real: join(real, child.name), isDir: child.isDirectory() }
      // A dangling link that is not named like content is no content; one that is, is an error.
      if (!target) {
        if (isContent)
          refused.push(
            contentError(path, 'broken-link', 'broken symlink: its target does not exist'),
          )
        continue
      }
      if (!inside(target.real)) {
        if (target.isDir || isContent) {
          const message =
            `links to ${target.isDir ? 'the folder ' : ''}${target.real}, outside the content ` +
            `folder ${realRoot}: refused (only files inside it are published)`
          refused.push(contentError(path, 'outside-root', message))
        }
        continue
      }
      if (target.isDir) await walk(full)
      // Read through the resolved path: what is read is what was checked.
      else if (isContent) {
        const slot = entries.push({ path, text: '' }) - 1
        reads.push(readFile(target.real, 'utf8').then((text) => void (entries[slot]!.text = text)))
      }
    }
  }
  await walk(root)
  await Promise.all(reads)
  const source = groupContent(entries)
  return { ...source, diagnostics: [...refused, ...source.diagnostics] }
}

/** Where a symlink really leads, and whether that is a folder; undefined for a dangling link. */
async function linkTarget(path: string): Promise<{ real: string; isDir: boolean } | undefined> {
  try {
    const real = await realpath(path)
    return { real, isDir: (await stat(real)).isDirectory() }
  } catch {
    return undefined
  }
}

function contentError(file: string, kind: string, message: string): Diagnostic {
  return { file, line: 1, col: 1, severity: 'error', kind, message }
}
