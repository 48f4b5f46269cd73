import type { Phrase } from '@/lib/i18n'
import type { RejectedEntry } from '../api/bookmark-entries'
import { IMPORT_LIMITS, type ImportParse } from '../api/bookmark-file'

const UNCHANGED = { zh: '收藏没有任何改动。', en: 'Your bookmarks were not changed.' }
const count = (n: number) => n.toLocaleString('en-US')
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`

const failed = (zh: string, en: string): Phrase => ({
  zh: `导入失败：${zh}${UNCHANGED.zh}`,
  en: `Import failed: ${en} ${UNCHANGED.en}`,
})

/** Why a file was not read at all (before or while reading it). */
export const readFailure = {
  unreadable: failed('无法读取这个文件。', 'the file could not be read.'),
  unexpected: failed(
    '读取文件时出了意外的错误。',
    'something unexpected went wrong reading the file.',
  ),
  tooLarge: (bytes: number) =>
    failed(
      `文件有 ${megabytes(bytes)}，最大可导入 ${megabytes(IMPORT_LIMITS.bytes)}。`,
      `the file is ${megabytes(bytes)}; files up to ${megabytes(IMPORT_LIMITS.bytes)} can be imported.`,
    ),
}

/** The message for a file that was refused. */
export function refusal(parsed: Extract<ImportParse, { ok: false }>): Phrase {
  switch (parsed.error) {
    case 'invalid-json':
      return failed('这个文件不是有效的 JSON。', 'the file is not valid JSON.')
    case 'foreign':
      return failed(
        '这不是 Digest Reader 导出的收藏文件。',
        'this is not a Digest Reader bookmarks file.',
      )
    case 'future-version':
      return failed(
        '文件来自更新版本的 Digest Reader。',
        'the file comes from a newer Digest Reader.',
      )
    case 'too-large':
      return readFailure.tooLarge(IMPORT_LIMITS.bytes + 1)
    case 'too-many':
      return failed(
        `文件中有 ${count(parsed.count ?? 0)} 条收藏，一次最多可导入 ${count(IMPORT_LIMITS.bookmarks)} 条。`,
        `the file holds ${count(parsed.count ?? 0)} bookmarks; at most ${count(IMPORT_LIMITS.bookmarks)} can be imported at once.`,
      )
    case 'invalid-entries': {
      if (!parsed.rejected?.length) {
        return failed(
          '文件中有无法识别的收藏条目。',
          'the file holds bookmarks that cannot be read.',
        )
      }
      const { where, fields } = positions(parsed.rejected)
      return failed(
        `文件中没有可用的收藏条目：${where.zh}${fields.zh}无法读取。`,
        `no bookmark in the file can be read: ${where.en.toLowerCase()}${fields.en}.`,
      )
    }
  }
}

/** What an import changed, and which entries of the file it had to skip. */
export function importDone(added: number, updated: number, rejected: RejectedEntry[]): Phrase {
  const done = {
    zh: `新增 ${added} 条，更新 ${updated} 条`,
    en: `Added ${added}, updated ${updated}`,
  }
  if (rejected.length === 0) return done
  const { where, fields } = positions(rejected)
  const skipped =
    rejected.length === 1
      ? {
          zh: `文件中${where.zh}无法读取，已跳过${fields.zh}`,
          en: `${where.en} of the file could not be read and was skipped${fields.en}`,
        }
      : {
          zh: `文件中 ${rejected.length} 条无法读取，已跳过：${where.zh}${fields.zh}`,
          en: `${rejected.length} entries of the file could not be read and were skipped: ${where.en}${fields.en}`,
        }
  return { zh: `${done.zh}。${skipped.zh}。`, en: `${done.en}. ${skipped.en}.` }
}

/** "第 2、7 条" / "Entries 2, 7", and "（savedAt）" / " (savedAt)": where, and which fields failed. */
function positions(rejected: RejectedEntry[]): { where: Phrase; fields: Phrase } {
  const shown = rejected.slice(0, 5).map((r) => r.index + 1)
  const more = rejected.length > shown.length
  const names = [...new Set(rejected.flatMap((r) => r.fields))].slice(0, 6)
  return {
    where: {
      zh: `第 ${shown.join('、')}${more ? ' 等' : ''} 条`,
      en: `${shown.length === 1 ? 'Entry' : 'Entries'} ${shown.join(', ')}${more ? ', …' : ''}`,
    },
    fields: names.length
      ? { zh: `（${names.join('、')}）`, en: ` (${names.join(', ')})` }
      : { zh: '（不是收藏条目）', en: ' (not a bookmark)' },
  }
}
