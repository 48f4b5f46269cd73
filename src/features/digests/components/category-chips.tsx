import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { Chip } from '@/components/ui/chip'

/** A digest's categories, each linking to its category page. */
export function CategoryChips({ categories }: { categories: string[] }) {
  const t = useT()
  if (categories.length === 0) return null
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t({ zh: '分类', en: 'Categories' })}>
      {categories.map((name) => (
        <li key={name} lang="zh-CN">
          <Chip to={paths.category.getHref(name)}>{name}</Chip>
        </li>
      ))}
    </ul>
  )
}
