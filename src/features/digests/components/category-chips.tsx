import { useMatch } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { Chip } from '@/components/ui/chip'

/** A digest's categories, each linking to its category page; the open category is marked. */
export function CategoryChips({ categories }: { categories: string[] }) {
  const t = useT()
  // On `/categories/:name` the chip of that category is the page the reader is on.
  const open = useMatch(paths.category.path)?.params.name
  if (categories.length === 0) return null
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t({ zh: '分类', en: 'Categories' })}>
      {categories.map((name) => (
        <li key={name} lang="zh-CN">
          <Chip to={paths.category.getHref(name)} current={name === open}>
            {name}
          </Chip>
        </li>
      ))}
    </ul>
  )
}
