/** The best `capacity` (score, item) pairs seen; ties go to the lower item number (newer). */
export class TopK {
  private scores: number[] = []
  private items: number[] = []
  constructor(private readonly capacity: number) {}

  /** Offers one scored item. */
  push(score: number, item: number): void {
    if (this.capacity <= 0) return
    if (this.scores.length < this.capacity) {
      this.scores.push(score)
      this.items.push(item)
      this.up(this.scores.length - 1)
    } else if (this.worse(0, score, item)) {
      this.scores[0] = score
      this.items[0] = item
      this.down(0)
    }
  }

  /** Best first. */
  sorted(): { score: number; item: number }[] {
    return this.scores
      .map((score, i) => ({ score, item: this.items[i] }))
      .sort((a, b) => b.score - a.score || a.item - b.item)
  }

  // Min-heap on "goodness": the root is the worst kept entry.
  private worse(i: number, score: number, item: number): boolean {
    const s = this.scores[i]
    return s < score || (s === score && this.items[i] > item)
  }

  private swap(i: number, j: number): void {
    ;[this.scores[i], this.scores[j]] = [this.scores[j], this.scores[i]]
    ;[this.items[i], this.items[j]] = [this.items[j], this.items[i]]
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.worse(i, this.scores[parent], this.items[parent])) return
      this.swap(i, parent)
      i = parent
    }
  }

  private down(i: number): void {
    const n = this.scores.length
    for (;;) {
      let worst = i
      for (const c of [2 * i + 1, 2 * i + 2]) {
        if (c < n && this.worse(c, this.scores[worst], this.items[worst])) worst = c
      }
      if (worst === i) return
      this.swap(i, worst)
      i = worst
    }
  }
}
