/**
 * The text of an output file, read only when needed: a rebuild reuses most files from the cache or
 * the previous output, and reading a year of search shards back only to link the same files again
 * would cost more than the whole compile of a new digest.
 */
export interface Body {
  text(): string
}

/** A body held in memory (just built). */
export class InlineBody implements Body {
  constructor(private readonly value: string) {}
  text(): string {
    return this.value
  }
}

export const inline = (text: string): Body => new InlineBody(text)
