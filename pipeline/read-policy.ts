import type { DiagnosticSink } from './diagnostics.ts'

/** How a file is read: strict refuses (an error) what lenient repairs (a warning). */
export type ParseMode = 'strict' | 'lenient'

type Severity = 'error' | 'warning' | 'off'

interface Finding {
  /** The diagnostic kind (counted per publisher in the run summary). */
  kind: string
  strict: Severity
  lenient: Severity
}

/**
 * Everything the reader can find wrong with a file, and what it is in each mode. The one table that
 * makes strict and lenient differ: both read every file with the same code, and strict refuses what
 * lenient repairs (docs/content-format.md lists it). Raw HTML and non-http(s) inline links are
 * warnings in both modes and are reported where they are cleaned up.
 */
const FINDINGS = {
  'no-front-matter': { kind: 'no-front-matter', strict: 'error', lenient: 'warning' },
  'unknown-key': { kind: 'unknown-key', strict: 'warning', lenient: 'off' },
  'missing-title': { kind: 'missing-title', strict: 'error', lenient: 'warning' },
  /** No `date:` key: strict needs one; lenient publishers often keep the date in the file name. */
  'no-date-key': { kind: 'missing-date', strict: 'error', lenient: 'off' },
  'missing-date': { kind: 'missing-date', strict: 'error', lenient: 'error' },
  'bad-date': { kind: 'bad-date', strict: 'error', lenient: 'warning' },
  /** Lenient reads a date without an offset in the publisher's time zone. */
  'no-offset': { kind: 'bad-date', strict: 'error', lenient: 'off' },
  'bad-categories': { kind: 'bad-categories', strict: 'error', lenient: 'warning' },
  'untitled-entry': { kind: 'no-title', strict: 'error', lenient: 'warning' },
  /** A list outside any item whose entries are no items: a stray list. */
  'stray-entry': { kind: 'no-link', strict: 'error', lenient: 'off' },
  'stray-text': { kind: 'stray-text', strict: 'warning', lenient: 'off' },
  'no-link': { kind: 'no-link', strict: 'error', lenient: 'warning' },
  'bad-link': { kind: 'bad-link', strict: 'error', lenient: 'warning' },
  'empty-title': { kind: 'empty-title', strict: 'error', lenient: 'warning' },
  'duplicate-item': { kind: 'duplicate-item', strict: 'error', lenient: 'warning' },
  toc: { kind: 'toc', strict: 'error', lenient: 'warning' },
  truncated: { kind: 'truncated', strict: 'off', lenient: 'warning' },
  'empty-digest': { kind: 'empty-digest', strict: 'error', lenient: 'error' },
} as const satisfies Record<string, Finding>

export type FindingName = keyof typeof FINDINGS

/** What is said after a finding's message: strict says how to fix it, lenient what it did. */
export interface FindingNotes {
  strict?: string
  lenient?: string
}

/** Reports findings with the severity the mode gives them; the only place that asks the mode. */
export class Reporter {
  private strayReported = false
  private refusedItems = 0

  constructor(
    readonly sink: DiagnosticSink,
    readonly mode: ParseMode,
  ) {}

  /** Lenient mode reads what is missing from elsewhere (a title from the file name …). */
  get repairs(): boolean {
    return this.mode === 'lenient'
  }

  /**
   * Reports `name` at `line:col` and returns true when it is an error here: the caller then drops
   * what it found (the file fails anyway), instead of repairing it.
   */
  report(name: FindingName, message: string, at: At = {}, notes: FindingNotes = {}): boolean {
    const finding: Finding = FINDINGS[name]
    const severity = finding[this.mode]
    if (severity === 'off') return false
    const text = message + (notes[this.mode] ?? '')
    if (severity === 'error') {
      this.sink.error(finding.kind, text, at.line, at.col)
      if (ITEM_FINDINGS.has(name)) this.refusedItems += 1
      return true
    }
    this.sink.warn(finding.kind, text, at.line, at.col)
    return false
  }

  /** Text outside any item: said once per file. */
  stray(at: At): void {
    if (this.strayReported) return
    this.strayReported = true
    this.report('stray-text', 'text outside any item ignored', at)
  }

  /** Items were found but refused: "empty digest" would only repeat those errors. */
  get refusedAnyItem(): boolean {
    return this.refusedItems > 0
  }
}

export interface At {
  line?: number
  col?: number
}

const ITEM_FINDINGS = new Set<FindingName>([
  'untitled-entry',
  'stray-entry',
  'no-link',
  'bad-link',
  'empty-title',
  'duplicate-item',
  'toc',
])
