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

/**
 * A hook that resolves a bookmark against the current content, called by each row on screen (a
 * list of thousands fetches only what it shows). The app passes it in: features stay apart.
 */
export type UseArchiveStatus = (bookmark: Bookmark) => ArchiveStatus
