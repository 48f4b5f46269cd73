import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { groupContent, PUBLISHER_CONFIG, type ContentSource } from './publishers.ts'
import type { CompiledContent } from './compile.ts'
import type { Diagnostic } from './diagnostics.ts'

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
      const isContent = /\.md$/i.test(child.name) || child.name === PUBLISHER_CONFIG
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
      else if (isContent) entries.push({ path, text: await readFile(target.real, 'utf8') })
    }
  }
  await walk(root)
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

/** The output folder would destroy something that is not a previous output; nothing was written. */
export class UnsafeOutDirError extends Error {}

/**
 * Why `outDir` must not be replaced by compiled output, or undefined when it is safe: the output
 * folder is swapped in whole, so it must not be (or hold, or sit inside) the content folder, and an
 * existing folder must be a previous output (it holds `manifest.json`) or empty.
 */
export async function unsafeOutDir(outDir: string, inDir?: string): Promise<string | undefined> {
  const out = await realPathOf(outDir)
  if (inDir !== undefined) {
    const input = await realPathOf(inDir)
    const inside = (child: string, parent: string) => child.startsWith(parent + sep)
    if (out === input) return `--out ${outDir} is the content folder itself`
    if (inside(input, out)) return `--out ${outDir} contains the content folder ${inDir}`
    if (inside(out, input)) return `--out ${outDir} is inside the content folder ${inDir}`
  }
  const info = await stat(out).catch(() => undefined)
  if (!info) return undefined
  if (!info.isDirectory()) return `--out ${outDir} is a file, not a folder`
  const children = await readdir(out)
  if (children.length > 0 && !children.includes('manifest.json')) {
    return `--out ${outDir} is a non-empty folder without manifest.json (not a previous output)`
  }
  return undefined
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
async function realPathOf(path: string): Promise<string> {
  const full = resolve(path)
  try {
    return await realpath(full)
  } catch {
    const parent = dirname(full)
    return parent === full ? full : join(await realPathOf(parent), basename(full))
  }
}

/**
 * Writes compiled content to `outDir` atomically: everything goes to a sibling temp folder first,
 * which then replaces `outDir`, so a failed run never leaves half-written output. Refuses (with an
 * UnsafeOutDirError, before writing anything) to replace what is not a previous output.
 */
export async function writeCompiled(
  content: CompiledContent,
  outDir: string,
  inDir?: string,
): Promise<void> {
  const unsafe = await unsafeOutDir(outDir, inDir)
  if (unsafe) throw new UnsafeOutDirError(`refusing to write: ${unsafe}`)
  const target = resolve(outDir)
  const temp = `${target}.tmp-${process.pid}-${Date.now()}`
  const old = `${target}.old-${process.pid}-${Date.now()}`
  try {
    for (const [name, text] of [
      ['manifest.json', content.manifestJson] as const,
      ...content.files,
    ]) {
      const path = join(temp, name)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, text)
    }
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
    try {
      await rename(temp, target)
    } catch (error) {
      await rename(old, target).catch(() => undefined)
      throw error
    }
    await rm(old, { recursive: true, force: true })
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
}
