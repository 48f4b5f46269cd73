/** localStorage: what this browser has seen of the timeline, across visits. */
export const VISIT_KEY = 'digest-reader:reading-state'
/** localStorage: the watch list. */
export const WATCH_KEY = 'digest-reader:watch-list'
