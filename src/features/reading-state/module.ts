/**
 * The reading state's lazy chunk (loaded through `probe.ts`): the stores and what the first
 * screen shows of them. The watch page and toggles import their modules directly (lazy routes).
 */
import { defaultStores } from './hooks/reading-state-context'

export { NewSinceCount } from './components/new-since-count'
export { WatchNavLink } from './components/watch-nav-link'
export { ReadingTimeline } from './components/reading-timeline'

/** The app's since-last-visit store. */
export const visitStore = () => defaultStores().visit
