import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Digest } from '../src/types/content.ts'
import type { Site } from './feeds-site.ts'
import { digestPage, itemPage, previewTemplate } from './link-previews.ts'

/** Which item pages to write: every item (the default), or those of the newest digests only. */
export type ItemPages = 'all' | { newestDigests: number }

export interface PreviewStats {
  digestPages: number
  itemPages: number
  /** Bytes written, raw. */
  bytes: number
  /** Ids that cannot be one file name (none the compiler makes); their paths get the app shell. */
  skipped: string[]
}

/** An id that is one safe file name: no separators, no leading dot. */
const FILE_ID = /^[A-Za-z0-9][\w.-]*$/
/** Writes in flight at once: enough to keep the disk busy, few enough to hold little memory. */
const IN_FLIGHT = 32

/**
 * Writes `digests/<id>.html` and `items/<id>.html` into a built app (decision 057: the `.html`
 * layout serves the clean URL without a redirect on nginx, Netlify and `vite preview`). Digests
 * arrive one at a time and pages are written as they are made, a bounded number at once: memory
 * does not grow with the archive, and each page costs its own bytes only (linear).
 */
export async function writePreviewPages(options: {
  outDir: string
  indexHtml: string
  digests: Iterable<Digest>
  site: Site
  itemPages?: ItemPages
}): Promise<PreviewStats> {
  const template = previewTemplate(options.indexHtml)
  const items = options.itemPages ?? 'all'
  await mkdir(join(options.outDir, 'digests'), { recursive: true })
  await mkdir(join(options.outDir, 'items'), { recursive: true })
  const stats: PreviewStats = { digestPages: 0, itemPages: 0, bytes: 0, skipped: [] }
  const pending = new Set<Promise<void>>()
  const write = async (dir: string, id: string, html: () => string): Promise<boolean> => {
    if (!FILE_ID.test(id)) {
      stats.skipped.push(id)
      return false
    }
    const text = html()
    const done: Promise<void> = writeFile(join(options.outDir, dir, `${id}.html`), text).then(
      () => {
        pending.delete(done)
      },
    )
    pending.add(done)
    stats.bytes += Buffer.byteLength(text)
    if (pending.size >= IN_FLIGHT) await Promise.race(pending)
    return true
  }
  let digestIndex = 0
  for (const digest of options.digests) {
    if (await write('digests', digest.id, () => digestPage(template, digest, options.site)))
      stats.digestPages++
    const withItems = items === 'all' || digestIndex < items.newestDigests
    digestIndex++
    if (!withItems) continue
    for (const item of digest.items) {
      if (await write('items', item.id, () => itemPage(template, item, digest, options.site)))
        stats.itemPages++
    }
  }
  await Promise.all(pending)
  return stats
}
