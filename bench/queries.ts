import type { Corpus } from './synthetic-corpus.ts'

export type QueryKind =
  'exact Latin' | 'Latin typo' | 'two words' | 'Chinese 2–4' | 'Chinese typo' | 'mixed' | 'one char'

export interface BenchQuery {
  kind: QueryKind
  query: string
  /** For typo queries: what was meant; items containing it are the relevant ones. */
  intended?: string
}

/** Replaces the character at `at` (a typo that keeps the length). */
const swapChar = (word: string, at: number, by: string) =>
  word.slice(0, at) + by + word.slice(at + 1)

/** The fixed query set; rare made-up words come from the corpus so they exist at every size. */
export function benchQueries({ rareLatin, rareCjk }: Corpus): BenchQuery[] {
  return [
    { kind: 'exact Latin', query: 'Karpathy' },
    { kind: 'exact Latin', query: 'RLVR' },
    { kind: 'exact Latin', query: 'Claude Code' },
    { kind: 'exact Latin', query: rareLatin[0] },
    { kind: 'Latin typo', query: 'Karpaty', intended: 'Karpathy' },
    { kind: 'Latin typo', query: 'Perplexty', intended: 'Perplexity' },
    { kind: 'Latin typo', query: 'Midjuorney', intended: 'Midjourney' },
    { kind: 'Latin typo', query: swapChar(rareLatin[1], 4, 'q'), intended: rareLatin[1] },
    { kind: 'Latin typo', query: rareLatin[2].slice(0, -1), intended: rareLatin[2] },
    { kind: 'two words', query: 'OpenAI Sora' },
    { kind: 'two words', query: 'Cursor Copilot' },
    { kind: 'Chinese 2–4', query: '模型' },
    { kind: 'Chinese 2–4', query: '强化学习' },
    { kind: 'Chinese 2–4', query: '信息图' },
    { kind: 'Chinese 2–4', query: rareCjk[0] },
    { kind: 'Chinese typo', query: '强化学刁', intended: '强化学习' },
    { kind: 'Chinese typo', query: '可验证奖历', intended: '可验证奖励' },
    { kind: 'Chinese typo', query: swapChar(rareCjk[1], 2, '码'), intended: rareCjk[1] },
    { kind: 'Chinese typo', query: swapChar(rareCjk[2], 1, '码'), intended: rareCjk[2] },
    { kind: 'mixed', query: 'Gemini 信息图' },
    { kind: 'mixed', query: 'Claude Code 智能体' },
    { kind: 'one char', query: '模' },
    { kind: 'one char', query: '芯' },
  ]
}

/** Queries whose ground truth is exact substrings: every word appears as typed. */
export const isExactKind = (q: BenchQuery) => q.intended === undefined

/**
 * Queries for real text (the bundled seed and the corpora), where the synthetic set's made-up
 * words do not exist: names and terms the seed's digest holds, Chinese terms, two words, and a
 * typo of a name it mentions.
 */
export const REAL_QUERIES: BenchQuery[] = [
  { kind: 'exact Latin', query: 'RLVR' },
  { kind: 'two words', query: 'Nano Banana' },
  { kind: 'two words', query: 'Claude Code' },
  { kind: 'Chinese 2–4', query: '强化学习' },
  { kind: 'exact Latin', query: 'Gemini' },
  { kind: 'Chinese 2–4', query: '智能体' },
  { kind: 'Latin typo', query: 'Karpaty', intended: 'Karpathy' },
  { kind: 'exact Latin', query: 'Cursor' },
  { kind: 'Chinese 2–4', query: '模型' },
  { kind: 'mixed', query: 'Claude Code 智能体' },
]
