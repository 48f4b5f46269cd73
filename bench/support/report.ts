/**
 * Tables and budgets for the benchmarks: every figure is printed beside its budget, and a missed
 * budget makes the script exit non-zero (a bench that prints a budget it does not enforce is a bug).
 */
import { mkdirSync, writeFileSync } from 'node:fs'

/**
 * The exit code of a bench that ran to the end and missed a budget (a crash exits 1): CI tells the
 * two apart, so a missed budget is reported by name and a broken bench fails the run (.ci/run).
 */
export const BUDGET_MISSED_EXIT = 3

export interface Row {
  measure: string
  values: Record<string, string>
  budget?: string
  ok?: boolean
}

export class Report {
  private lines: string[] = []
  readonly failures: string[] = []

  constructor(private readonly name: string) {}

  log(line = ''): void {
    this.lines.push(line)
    console.log(line)
  }

  /** Records a budget check; `ok` is false when the budget is missed. */
  check(what: string, ok: boolean, detail: string): boolean {
    if (!ok) this.failures.push(`${what}: ${detail}`)
    return ok
  }

  /** A Markdown table: one row per measure, one column per size, then budget and status. */
  table(columns: string[], rows: Row[]): void {
    this.log(`| measure | ${columns.join(' | ')} | budget | status |`)
    this.log(`|---|${columns.map(() => '---').join('|')}|---|---|`)
    for (const row of rows) {
      const status = row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED'
      this.log(
        `| ${row.measure} | ${columns.map((c) => row.values[c] ?? '—').join(' | ')} | ${row.budget ?? '—'} | ${status} |`,
      )
    }
  }

  /** Writes the report to bench/.out and sets the exit code. */
  finish(): void {
    if (this.failures.length) {
      this.log(`\nBudget missed:\n${this.failures.map((f) => `- ${f}`).join('\n')}`)
      process.exitCode = BUDGET_MISSED_EXIT
    } else this.log('\nAll budgets met.')
    mkdirSync('bench/.out', { recursive: true })
    writeFileSync(`bench/.out/${this.name}.md`, this.lines.join('\n') + '\n')
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
export const ms = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`
export const s = (value: number) => `${(value / 1000).toFixed(2)} s`
