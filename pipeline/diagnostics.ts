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

/**
 * Formats a diagnostic the way compilers do, so editors and terminals can jump to it. `root` is
 * the content folder as the user knows it, prefixed to the file's path inside it.
 */
export function formatDiagnostic(d: Diagnostic, root?: string): string {
  const tag = d.severity === 'warning' ? 'warning: ' : ''
  const file = root ? `${root.replace(/\/+$/, '')}/${d.file}` : d.file
  return `${file}:${d.line}:${d.col}: ${tag}${d.message}`
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
  constructor(
    readonly diagnostics: Diagnostic[],
    root?: string,
  ) {
    const errors = diagnostics.filter((d) => d.severity === 'error')
    const lines = errors.map((d) => formatDiagnostic(d, root))
    super(`${errors.length} error(s) in digest content:\n${lines.join('\n')}`)
    this.name = 'ContentError'
  }
}
