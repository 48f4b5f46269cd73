import { createContext, useContext, type ReactNode } from 'react'
import type { Item } from '@/types/content'

/** What an item card needs to know to offer actions (e.g. a bookmark toggle) for one item. */
export interface ItemActionTarget {
  item: Pick<Item, 'id' | 'title' | 'url' | 'text'>
  digest: { id: string; date: string; title: string; time: number }
}

type RenderItemActions = (target: ItemActionTarget) => ReactNode

const ItemActionsContext = createContext<RenderItemActions>(() => null)

/**
 * Lets the app put per-item actions from one feature (bookmarks) into item cards drawn by other
 * features (digests, search) without those features importing each other.
 */
export function ItemActionsProvider({
  render,
  children,
}: {
  render: RenderItemActions
  children: ReactNode
}) {
  return <ItemActionsContext.Provider value={render}>{children}</ItemActionsContext.Provider>
}

/** Renders the app's actions for an item; place it inside every item card. */
export function ItemActions(props: ItemActionTarget) {
  return <>{useContext(ItemActionsContext)(props)}</>
}
