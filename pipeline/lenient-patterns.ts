/**
 * The names and shapes the lenient importer recognises in other publishers' digests, gathered from
 * the three archives in `../shared/corpora/` (decision 030): new publishers may need additions.
 */

/**
 * Sections that frame a digest rather than report news (insights, editorials, source counts,
 * tables of contents): never cut into items, whatever they hold.
 */
export const FRAME_SECTION =
  /^(核心洞察|深度观察|本周观察|今日观察|洞察|观察|数据来源|信息来源|热门话题|目录|导读|前言|(key )?insights?|table of contents|contents|sources)$/i

/** A heading's words without the emoji and punctuation around them (`## 💡 核心洞察`). */
export function bareTitle(title: string): string {
  return title.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}

/**
 * Headings that release notes pasted into an item bring with them (`## Highlights`, `# v1.2
 * Release Notes`): part of the item they sit in, not structure of the digest.
 */
export const PASTED_HEADING =
  /^(highlights?|what'?s changed|(new )?features?|bug ?fixes|fixes|improvements?|enhancements?|documentation|docs|changes|changelog|breaking( changes?)?|other( changes)?|performance|refactor(ing)?|chores?|dependencies|deprecat(ed|ions?)|security|(new )?contributors|full changelog|notes|added|changed|removed|fixed|core|desktop|tui|cli|sdk|ui|web|server|client|plugins?|providers?|misc|internal|tests?|build|ci|.*release notes|.*(\.\.\.|…))$/i

/** Short bold labels that open a field of an item (`- **背景**：…`), not an item of their own. */
export const FIELD_LABEL =
  /^(核心贡献|核心内容|工程影响|工程启发|点评|背景|分析|趋势|摘要|关键信息|标签|社区讨论|来源|链接|影响|意义|亮点|要点|总结|观点|结论|原因|重要性|期号|阅读时间|精选|工程影响与趋势|趋势判断|为什么值得看|background|tags|summary|impact|source|link|discussion|community discussion|why it matters|note|full changelog)$/i

/** A score or rating after a linked heading title (`⭐️ 9.0/10`, `🔥 12`). */
export const SCORE_ONLY = /^[\s\p{Extended_Pictographic}\uFE0F★☆\d.,/|·分()（）-]*$/u

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
