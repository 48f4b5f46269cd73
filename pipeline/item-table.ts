import type { Link, Paragraph, PhrasingContent, Table, TableCell } from 'mdast'
import { plainText } from './inline.ts'
import type { ItemCollector } from './item-collector.ts'
import { isImageLink, isSourceLabel, leadingLink } from './item-links.ts'
import type { Shape } from './shape-words.ts'
import { isHttpUrl } from './sources.ts'

interface ItemColumns {
  /** The column naming each row's item. */
  name: number
  /** A column whose header says "link" (`链接`, `Link`), when names carry no link of their own. */
  link?: number
}

/** Cells holding only a rank (`1`, `#2`, `🥇`) or nothing (`—`, `N/A`): never a name or a summary. */
const RANK = /^[\s#\d.\p{Extended_Pictographic}\uFE0F—–/-]*$|^\s*n\/?a\s*$/iu

/**
 * A table whose rows are items: some column names an item in every row, as a link or in bold
 * (`| [owner/repo](url) | 简介 |`, `| **项目** | 描述 |`), or the rows link out in a column headed
 * by a link word (`| 项目 | … | 链接 |`). Decision 031: each such row is an item, titled by its
 * name, linked by that name's link (or the row's link cell), its other cells its summary. Any
 * other table is text (inside an item) or nothing.
 */
export function itemColumns(table: Table, shape: Shape): ItemColumns | undefined {
  const [header, ...rows] = table.children
  if (!header || rows.length === 0) return undefined
  const width = header.children.length
  const cellsOf = (column: number) => rows.map((row) => row.children[column])
  for (let column = 0; column < width; column += 1) {
    const cells = cellsOf(column)
    if (cells.every((cell) => cell && cellName(cell, shape))) return { name: column }
  }
  const link = header.children.findIndex(
    (cell, column) =>
      shape.linkLabel.test(plainText(cell.children)) &&
      cellsOf(column).every((c) => c && cellLink(c)),
  )
  if (link < 0) return undefined
  const name = header.children.findIndex(
    (_cell, column) =>
      column !== link && cellsOf(column).every((c) => c && !RANK.test(plainText(c.children))),
  )
  return name < 0 ? undefined : { name, link }
}

/** Opens, fills and finishes one item per row of an item table. */
export function readTableItems(table: Table, columns: ItemColumns, collector: ItemCollector): void {
  const [header, ...rows] = table.children
  const labels = header!.children.map((cell) => plainText(cell.children).trim())
  // One other column is the summary itself; several are told apart by their headers.
  const summaryColumns = labels
    .map((_label, column) => column)
    .filter((column) => column !== columns.name && column !== columns.link)
    .filter((column) => rows.some((row) => !isEmpty(row.children[column])))
  for (const row of rows) {
    const line = row.position?.start.line ?? 1
    const nameCell = row.children[columns.name]!
    const named = cellName(nameCell, collector.shape)
    const linkCell = columns.link === undefined ? undefined : row.children[columns.link]
    const link = named?.link ?? (linkCell ? cellLink(linkCell) : undefined)
    const title = named?.title ?? plainText(nameCell.children)
    const draft = collector.open(title, { line, link, labelled: true })
    if (!draft) continue
    for (const column of summaryColumns) {
      const cell = row.children[column]
      if (!cell || isEmpty(cell)) continue
      const label = labels[column]
      const prefix: PhrasingContent[] =
        summaryColumns.length > 1 && label ? [{ type: 'text', value: `${label}：` }] : []
      const paragraph: Paragraph = { type: 'paragraph', children: [...prefix, ...cell.children] }
      draft.builder.addBlock(paragraph)
    }
    collector.finish(draft)
  }
}

/** The item a cell names: a leading link (its text, its url) or a leading bold run. */
function cellName(cell: TableCell, shape: Shape): { title: string; link?: Link } | undefined {
  const link = leadingLink(cell.children)
  if (link && isHttpUrl(link.url) && !isSourceLabel(link, shape)) {
    return { title: plainText(link.children), link }
  }
  const first = cell.children.find((n) => !(n.type === 'text' && n.value.trim() === ''))
  if (first?.type === 'strong' && plainText(first.children).trim()) {
    return { title: plainText(first.children) }
  }
  return undefined
}

const isEmpty = (cell: TableCell | undefined) => !cell || RANK.test(plainText(cell.children))

function cellLink(cell: TableCell): Link | undefined {
  const link = cell.children.find((n): n is Link => n.type === 'link')
  return link && isHttpUrl(link.url) && !isImageLink(link) ? link : undefined
}
