import { readFileSync, statSync } from 'node:fs'
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import {
  groupContent,
  PUBLISHER_CONFIG,
  textHashOf,
  type ContentEntry,
  type ContentSource,
} from './publishers.ts'
import type { Diagnostic } from './diagnostics.ts'
import { TOPICS_FILE } from './topic-aliases.ts'

/** The content root: `DIGESTS_DIR` when set, else the bundled `content/digests`. */
export function contentRoot(cwd = process.cwd()): string {
  return resolve(cwd, process.env.DIGESTS_DIR || 'content/digests')
}

/**
 * What the last build learnt of each digest file: the hash of its text, trusted while the file's
 * stamp (size, modification and change times, inode) is the same. The change time moves on every
 * write and cannot be set back by tools (`touch -d`, `cp -p` set only the modification time).
 */
export interface FileStamps {
  /** The text hash recorded for `path` under this stamp, if any. */
  hashOf(path: string, stamp: string): string | undefined
  /** Records a file read this run; `modifiedMs` lets the book refuse a stamp too fresh to trust. */
  record(path: string, stamp: string, textHash: string, modifiedMs: number): void
}

export interface ReadContentOptions {
  /** Digest files whose stamp is known are not read (their text is read on first use). */
  stamps?: FileStamps
}

/** How many digest files a read took from their stamps instead of reading them. */
export interface ReadCounts {
  files: number
  unread: number
}

/**
 * Reads every `*.md` digest (any depth) and publisher config under `root`. Symlinks are followed
 * while they stay inside the content root (each real folder once, so a link cycle cannot loop).
 * A file or folder whose real path is outside the root is never read: it is an error naming the
 * link and where it leads, so the build fails and writes nothing (files outside the content
 * folder must never reach the published JSON).
 */
export async function readContentDir(
  root: string,
  { stamps }: ReadContentOptions = {},
): Promise<ContentSource & { counts: ReadCounts }> {
  const entries: ContentEntry[] = []
  const counts: ReadCounts = { files: 0, unread: 0 }
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
        const slot = entries.length
        entries.push({ path, text: '' })
        reads.push(
          readEntry(path, target.real, stamps && /\.md$/i.test(path) ? stamps : undefined).then(
            ({ entry, unread }) => {
              entries[slot] = entry
              if (!/\.md$/i.test(path)) return
              counts.files++
              if (unread) counts.unread++
            },
          ),
        )
      }
    }
  }
  await walk(root)
  await Promise.all(reads)
  const source = groupContent(entries)
  return { ...source, diagnostics: [...refused, ...source.diagnostics], counts }
}

/**
 * One file: read now, or (its stamp known to `stamps`) its recorded hash with the text read on
 * first use, which only a file that has to be compiled again needs.
 */
async function readEntry(
  path: string,
  real: string,
  stamps: FileStamps | undefined,
): Promise<{ entry: ContentEntry; unread: boolean }> {
  if (!stamps) return { entry: { path, text: await readFile(real, 'utf8') }, unread: false }
  // Synchronous: thousands of stats through the thread pool took three times as long.
  const info = statSync(real)
  const stamp = `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`
  const known = stamps.hashOf(path, stamp)
  if (known !== undefined) {
    let text: string | undefined
    const entry = {
      path,
      get text() {
        return (text ??= readFileSync(real, 'utf8'))
      },
      textHash: known,
    }
    return { entry, unread: true }
  }
  const text = await readFile(real, 'utf8')
  const textHash = textHashOf(text)
  stamps.record(path, stamp, textHash, Math.max(info.mtimeMs, info.ctimeMs))
  return { entry: { path, text, textHash }, unread: false }
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
