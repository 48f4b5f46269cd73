import { useQuery } from '@tanstack/react-query'
import type { Item } from '@/types/content'
import { relatedQuery } from '@/lib/archive/topic-queries'
import { useT } from '@/lib/i18n'
import { ItemRefRow } from '@/components/item-ref-row'
import { SECTION_TITLE } from '@/components/ui/section-title'

/**
 * Below an item: its story (other items with the same link or a near-identical title, oldest
 * first, so it shows where the story first appeared) and related items sharing its topics.
 */
export function RelatedItems({ item }: { item: Item }) {
  const t = useT()
  const { data } = useQuery(relatedQuery(item))
  if (!data) return null
  const { story, related } = data
  return (
    <>
      {story.length > 1 && (
        <section aria-labelledby="same-story" className="mt-10" data-same-story="">
          <h2 id="same-story" className={SECTION_TITLE}>
            {t({ zh: `同一报道（${story.length} 处）`, en: `Same story (${story.length} places)` })}
          </h2>
          <ol className="mt-2">
            {story.map((ref, i) => (
              <li key={ref[0]} aria-current={ref[0] === item.id ? 'true' : undefined}>
                <ItemRefRow
                  refItem={ref}
                  note={
                    i === 0
                      ? t({ zh: '最早出现', en: 'first appeared here' })
                      : ref[0] === item.id
                        ? t({ zh: '本条', en: 'this item' })
                        : undefined
                  }
                />
              </li>
            ))}
          </ol>
        </section>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related-items" className="mt-10">
          <h2 id="related-items" className={SECTION_TITLE}>
            {t({ zh: '相关条目', en: 'Related items' })}
          </h2>
          <ul className="mt-2">
            {related.map(({ ref, shared }) => (
              <li key={ref[0]}>
                <ItemRefRow refItem={ref} note={<span lang="zh-CN">{shared.join(' · ')}</span>} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}
