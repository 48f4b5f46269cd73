import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { groupContent, PUBLISHER_CONFIG, type ContentSource } from './publishers.ts'

/** The content root: `DIGESTS_DIR` when set, else the bundled `content/digests`. */
export function contentRoot(cwd = process.cwd()): string {
  return resolve(cwd, process.env.DIGESTS_DIR || 'content/digests')
}

/**
 * Reads every `*.md` digest (any depth) and publisher config under `root`. Symlinked folders are
 * followed (a content root can link other archives in, see pipeline/corpora-root.ts), each real
 * folder once, so a link cycle cannot loop.
 */
export async function readContentDir(root: string): Promise<ContentSource> {
  const entries: { path: string; text: string }[] = []
  const seen = new Set<string>()
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir)
    if (seen.has(real)) return
    seen.add(real)
    const children = await readdir(dir, { withFileTypes: true })
    for (const child of children) {
      if (child.name.startsWith('.')) continue
      const full = join(dir, child.name)
      const isDir = child.isSymbolicLink() ? await isLinkedFolder(full) : child.isDirectory()
      if (isDir) await walk(full)
      else if (/\.md$/i.test(child.name) || child.name === PUBLISHER_CONFIG) {
        entries.push({
          path: relative(root, full).split(sep).join('/'),
          text: await readFile(full, 'utf8'),
        })
      }
    }
  }
  await walk(root)
  return groupContent(entries)
}

/** A symlink that resolves to a folder; a dangling link is no folder. */
async function isLinkedFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
