import type { Stats } from 'node:fs'
import { shortHash } from './ids.ts'

/**
 * What a build remembers of each digest file it read: its size, times and inode, and the hash of
 * its text. A rebuild that finds a file with the same stamp takes the hash as it is and never reads
 * the file: three years are 6,570 files and 53 MB, and reading them back to hash them was most of a
 * rebuild after one new digest. The times are sub-millisecond (nanoseconds where the file system
 * keeps them), and any write changes mtime and ctime, so a stamp that matches means the same bytes
 * the way it does for make, git's index and tsc's build info.
 */
export interface FileStamps {
  /** The text hash recorded for `path` when its stamp is still `stamp`. */
  known(path: string, stamp: string): string | undefined
  /** Records what was read; kept by the cache's `save`, dropped with a failed run. */
  record(path: string, stamp: string, textHash: string): void
}

/** A file's stamp: changes whenever its bytes may have. */
export function stampOf(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`
}

/** The hash a file's cache key is made of (and what a stamp remembers). */
export const textHashOf = (text: string) => shortHash(text, 32)

/** A stamp table: what the last finished run recorded, and what this run has seen. */
export function stampTable(stored: Record<string, [stamp: string, textHash: string]>) {
  const seen: Record<string, [string, string]> = {}
  const stamps: FileStamps = {
    known(path, stamp) {
      const hit = stored[path]
      if (!hit || hit[0] !== stamp) return undefined
      seen[path] = hit
      return hit[1]
    },
    record(path, stamp, textHash) {
      seen[path] = [stamp, textHash]
    },
  }
  /** This run's table: the files it saw, so deleted files drop out. */
  return { stamps, seen: () => seen }
}
