/** A compile's progress as the CLI and `vite build` show it. */
export interface Progress {
  update(progress: { done: number; total: number; warnings: number }): void
  /** Clears the live line (a terminal) before the summary prints. */
  end(): void
}

/** How often a non-terminal gets a plain progress line, in milliseconds. */
const PLAIN_EVERY_MS = 5000
/** Runs shorter than this print no progress at all. */
const QUIET_MS = 1000

/**
 * On a terminal, one line rewritten in place ("compiling 1,204/2,190 files, 3 warnings"); in CI
 * or when piped, a plain line every few seconds, so logs stay readable and show a long build is
 * alive. Short runs print nothing.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = stream.isTTY && !process.env.CI
  const start = Date.now()
  let lastPlain = start
  let shown = false
  const text = ({ done, total, warnings }: { done: number; total: number; warnings: number }) =>
    `compiling ${done.toLocaleString('en')}/${total.toLocaleString('en')} files` +
    (warnings ? `, ${warnings.toLocaleString('en')} warning${warnings === 1 ? '' : 's'}` : '')
  return {
    update(progress) {
      const now = Date.now()
      if (now - start < QUIET_MS || progress.done === progress.total) return
      if (live) {
        stream.write(`\r\x1b[2K${text(progress)}`)
        shown = true
      } else if (now - lastPlain >= PLAIN_EVERY_MS) {
        stream.write(`${text(progress)}\n`)
        lastPlain = now
      }
    },
    end() {
      if (shown) stream.write('\r\x1b[2K')
      shown = false
    },
  }
}
