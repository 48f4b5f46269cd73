import { useNavigation } from 'react-router-dom'

/** A thin bar at the top of the window while the next page's data loads. */
export function NavigationProgress() {
  const busy = useNavigation().state === 'loading'
  if (!busy) return null
  return (
    <div className="fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden" aria-hidden="true">
      <div className="h-full w-1/3 animate-[progress_1s_ease-in-out_infinite] bg-orange-500" />
    </div>
  )
}
