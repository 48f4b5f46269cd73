/** A problem found in a digest file, located by 1-based line and column of that file. */
export interface Diagnostic {
  file: string
  line: number
  col: number
  severity: 'error' | 'warning'
  /** Short machine-readable kind, used for the per-publisher summary. */
  kind: string
  message: string
}

/** Formats a diagnostic the way compilers do, so editors and terminals can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const tag = d.severity === 'warning' ? 'warning: ' : ''
  return `${d.file}:${d.line}:${d.col}: ${tag}${d.message}`
}

/** Collects diagnostics for one file so parsing code only names the position and the message. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = []
  constructor(readonly file: string) {}

  error(kind: string, message: string, line = 1, col = 1): void {
    this.list.push({ file: this.file, line, col, severity: 'error', kind, message })
  }

  warn(kind: string, message: string, line = 1, col = 1): void {
    this.list.push({ file: this.file, line, col, severity: 'warning', kind, message })
  }

  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error')
  }
}

/** Thrown when a compile run found errors; carries every diagnostic of the run. */
export class ContentError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error')
    super(
      `${errors.length} error(s) in digest content:\n` + errors.map(formatDiagnostic).join('\n'),
    )
    this.name = 'ContentError'
  }
}
