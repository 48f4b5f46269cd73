/**
 * Where every piece of the compiled archive lives: the one place that turns an id (digest, item,
 * month, search segment, shard) into a file. Views reach files through archive-queries.ts; the
 * search worker, which has no React, uses these functions directly. Nothing else builds a data
 * path. Layout: docs/content-format.md ("Compiled files").
 */
import type { SegmentEntry } from '@/types/search-index'
import { digestIdOfItem, type Head, type MonthEntry } from '@/types/content'
import { appUrl } from '@/lib/fetch-json'

/** The folder compiled files are served from, relative to the app's base URL. */
export const DATA_DIR = 'data'

/** URL of a compiled file named relative to the data folder (as the head and pages name them). */
export function dataFileUrl(file: string): string {
  return appUrl(`${DATA_DIR}/${file}`)
}

/** URL of the head, whose path index.html gives relative to the base URL (`data/head.<hash>.json`). */
export function headUrl(headPath: string): string {
  return appUrl(headPath)
}

/**
 * The month (`YYYY-MM`) whose page lists a digest, read from its id: ids are the publisher's
 * prefix, then the digest's local date (`horizon-2026-05-02-summary-en`, `2025-12-22-04`).
 * Undefined when the id names no month the archive has.
 */
export function monthOfDigest(head: Head, digestId: string): MonthEntry | undefined {
  // The longest prefix that matches: a publisher id may be the start of another's.
  const prefix = head.publishers
    .map((p) => p.idPrefix)
    .filter((p) => p && digestId.startsWith(p))
    .sort((a, b) => b.length - a.length)[0]
  const rest = prefix ? digestId.slice(prefix.length) : digestId
  const month = /^(\d{4}-\d{2})-\d{2}/.exec(rest)?.[1]
  return month ? head.months.find((m) => m.month === month) : undefined
}

/** The month page of the digest an item belongs to. */
export function monthOfItem(head: Head, itemId: string): MonthEntry | undefined {
  return monthOfDigest(head, digestIdOfItem(itemId))
}

/** Files of one search segment, by what they hold. */
export const segmentFiles = {
  docs: (segment: SegmentEntry) => `${segment.dir}/docs.json`,
  vocab: (segment: SegmentEntry) => `${segment.dir}/vocab.json`,
  terms: (segment: SegmentEntry) => `${segment.dir}/terms.json`,
  postings: (segment: SegmentEntry, shard: number) => `${segment.dir}/p${shard}.json`,
  text: (segment: SegmentEntry, shard: number) => `${segment.dir}/t${shard}.json`,
}
