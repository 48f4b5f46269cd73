import { useSuspenseQuery } from '@tanstack/react-query'
import { manifestQueryOptions } from '@/features/digests/api/manifest'

export function TimelineRoute() {
  const { data: manifest } = useSuspenseQuery(manifestQueryOptions())
  return (
    <ul>
      {manifest.digests.map((d) => (
        <li key={d.id}>
          <h2>{d.title}</h2>
          <p>{d.categories.join(' · ')}</p>
        </li>
      ))}
    </ul>
  )
}
