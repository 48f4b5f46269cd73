/**
 * The names and shapes the reader recognises in digests, gathered from the archives in
 * `../shared/corpora/` (decisions 030 and 031). A publisher can add its own words and shape in
 * `publisher.json` (`shape`, see ShapeHints): `shapeOf` folds them into the built-in ones.
 */
import type { ShapeHints } from './publisher-schema.ts'

/**
 * Sections that frame a digest rather than report news (insights, editorials, closing notes, source
 * counts, tables of contents): never cut into items, whatever they hold.
 */
const FRAME_SECTIONS = [
  '核心洞察',
  '深度观察',
  '本周观察',
  '今日观察',
  '洞察',
  '观察',
  '今日小结',
  '今日总结',
  '项目亮点分析',
  '数据来源',
  '信息来源',
  '热门话题',
  '目录',
  '导读',
  '前言',
  '今日摘要',
  '(key )?insights?',
  'table of contents',
  'contents',
  'sources',
  'in this issue',
]

/** Short bold labels that open a field of an item (`- **背景**：…`), not an item of their own. */
const FIELD_LABELS = [
  '核心贡献',
  '工程影响',
  '工程启发',
  '点评',
  '背景',
  '分析',
  '趋势',
  '关键信息',
  '社区讨论',
  '影响',
  '意义',
  '亮点',
  '要点',
  '总结',
  '观点',
  '结论',
  '原因',
  '重要性',
  '期号',
  '阅读时间',
  '精选',
  '工程影响与趋势',
  '趋势判断',
  '为什么值得看',
  'background',
  'impact',
  'discussion',
  'community discussion',
  'why it matters',
  'key takeaways?',
  'takeaways?',
  'note',
  'full changelog',
]

/** Labels that open an item's summary (`**核心内容**：…`, `**Summary:** …`): fields too. */
const SUMMARY_LABELS = ['核心内容', '摘要', '简介', '描述', 'summary', 'tl;?dr', 'what happened']

/** Labels before a list of tags (`**标签**: \`#llm\``): their code spans become terms. */
const TAG_LABELS = ['标签', 'tags?', 'topics?', 'keywords?']

/** Link texts that point at an item's original post rather than naming it (`[原文链接](url)`). */
const LINK_LABELS = [
  '原文链接',
  '阅读原文',
  '查看原文',
  '原文',
  '原文地址',
  '更多详情',
  '详情',
  '链接',
  '来源',
  '出处',
  'release(\\s*(详情|链接|页面|notes?))?',
  'source',
  'link',
  'read more',
  'read the (full )?(story|article|post)',
  'original',
  'full article',
  'more',
]

/** Words right before a bare link that label it (`**链接**：https://…`, `Source: …`). */
const LINK_WORDS_BEFORE = [
  '原文链接',
  '原文',
  '链接',
  '(?<!数据)来源',
  '出处',
  'source',
  'link',
  'via',
]

/** The built-in words and the publisher's own, compiled once per publisher. */
export interface Shape {
  /** `[原文链接](url)`: a link whose text says "original post" rather than being a title. */
  linkLabel: RegExp
  /** Text right before a bare link that labels it; `数据来源：` names a list's source, not an item's. */
  linkLabelBefore: RegExp
  /** Bold labels opening a field (summary and tag labels included): never items, never terms. */
  fieldLabel: RegExp
  tagLabel: RegExp
  frameSection: RegExp
  /** Heading levels that only group items (publisher.json); unset: found from the file. */
  sectionLevels?: readonly number[]
  items: 'auto' | 'list-items' | 'headings'
  titles: { from: 'auto' | 'bold' | 'clause'; maxLength: number }
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
const alternatives = (builtIn: string[], own: string[] = []) =>
  [...builtIn, ...own.map(escape)].join('|')

/** The shape a publisher's files are read with: built-in words plus its hints. */
export function shapeOf(hints: ShapeHints = {}): Shape {
  const labels = hints.labels ?? {}
  const fields = alternatives(
    [...FIELD_LABELS, ...SUMMARY_LABELS, ...TAG_LABELS, '来源', '链接', 'source', 'link'],
    [...(labels.summary ?? []), ...(labels.tags ?? []), ...(labels.link ?? [])],
  )
  return {
    linkLabel: new RegExp(
      `^[\\s'"‘’“”「」🔗👉→]*(${alternatives(LINK_LABELS, labels.link)})[\\s'"‘’“”「」:：»›→]*$`,
      'iu',
    ),
    linkLabelBefore: new RegExp(
      `(${alternatives(LINK_WORDS_BEFORE, labels.link)})\\s*[:：]\\s*$`,
      'iu',
    ),
    fieldLabel: new RegExp(`^(${fields})$`, 'iu'),
    tagLabel: new RegExp(`^(${alternatives(TAG_LABELS, labels.tags)})\\s*[:：]?$`, 'iu'),
    frameSection: new RegExp(`^(${alternatives(FRAME_SECTIONS, hints.skipSections)})$`, 'iu'),
    sectionLevels: hints.sectionLevels,
    items: hints.items ?? 'auto',
    titles: { from: hints.titles?.from ?? 'auto', maxLength: hints.titles?.maxLength ?? 48 },
  }
}

/** The shape of a publisher without hints (and of the strict default publisher). */
export const DEFAULT_SHAPE = shapeOf()

/** A heading's words without the emoji and punctuation around them (`## 💡 核心洞察`). */
export function bareTitle(title: string): string {
  return title.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}

/** A section heading as an item's section: `### 📈 产业动态 (2条)` → `产业动态`. */
export function sectionName(title: string): string {
  return bareTitle(cleanTitle(title).replace(/\s*[(（]\s*\d+\s*(条|items?)?\s*[)）]\s*$/iu, ''))
}

/**
 * Headings that release notes pasted into an item bring with them (`## Highlights`, `# v1.2
 * Release Notes`): part of the item they sit in, not structure of the digest.
 */
export const PASTED_HEADING =
  /^(highlights?|what'?s changed|(new )?features?|bug ?fixes|fixes|improvements?|enhancements?|documentation|docs|changes|changelog|breaking( changes?)?|other( changes)?|performance|refactor(ing)?|chores?|dependencies|deprecat(ed|ions?)|security( fixes| updates)?|(new )?contributors|full changelog|notes|added|changed|removed|fixed|core|desktop|tui|cli|sdk|ui|web|server|client|plugins?|providers?|misc|internal|tests?|build|ci|.*release notes|.*(\.\.\.|…))$/i

/** A score, rating or star count after a title (`⭐️ 9.0/10`, `🔥 12`, `⭐ +1,234 today`). */
export const SCORE_ONLY = /^[\s\p{Extended_Pictographic}\uFE0F★☆\d.,/|·+分()（）-]*(today)?\s*$/iu

/** A star count or badge trailing a plain heading title: `owner/repo ⭐ 44,567`, `repo ⭐ 热门`. */
export const STAR_TAIL = /\s+[⭐🌟★]\uFE0F?.*$/u

export const NUMBERING = /^\s*(?:#?\d{1,3}\s*[.、:：)）]\s+|#?\d{1,3}[.、)）]|[(（]\d{1,3}[)）]\s*)/

/** Strips numbering and a trailing colon; collapses whitespace. */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(NUMBERING, '')
    .replace(/[\s:：]+$/, '')
    .trim()
}
