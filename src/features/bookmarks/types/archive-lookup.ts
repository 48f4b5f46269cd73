import type { Bookmark } from '../api/bookmark-schema'

/** What the current content says about a bookmarked item. */
export type ArchiveStatus =
  | {
      status: 'present'
      title: string
      url?: string
      digestTitle: string
      digestDate: string
      /** The item's summary as plain text. */
      text: string
    }
  | { status: 'missing' }
  /** Content not loaded (yet): show the snapshot without judging. */
  | { status: 'unknown' }

/** Resolves a bookmark against the current content; the app passes it in (features stay apart). */
export type ArchiveLookup = (bookmark: Bookmark) => ArchiveStatus
