import { useMatch } from 'react-router-dom'
import { categoryFromSegment, paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { Chip } from '@/components/ui/chip'
import { ContentText } from '@/components/ui/content-text'
import { contentLang } from '@/lib/content-lang'

/** A digest's categories, each linking to its category page; the open category is marked. */
export function CategoryChips({ categories }: { categories: string[] }) {
  const t = useT()
  // On `/categories/:name` the chip of that category is the page the reader is on.
  const segment = useMatch(paths.category.path)?.params.name
  const open = segment === undefined ? undefined : categoryFromSegment(segment)
  if (categories.length === 0) return null
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t({ zh: '分类', en: 'Categories' })}>
      {categories.map((name) => (
        <li key={name} lang={contentLang(name)}>
          <Chip to={paths.category.getHref(name)} current={name === open}>
            <ContentText text={name} />
          </Chip>
        </li>
      ))}
    </ul>
  )
}
