/** A Storage in memory; `full` makes writes of chosen keys fail as a full localStorage does. */
export function memoryStorage(full: (key: string) => boolean = () => false): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (full(k)) throw new DOMException('full', 'QuotaExceededError')
      data.set(k, String(v))
    },
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  }
}

/** Every key and value, for checking that nothing stored was lost. */
export function valuesOf(storage: Storage): string[] {
  const out: string[] = []
  for (let i = 0; i < storage.length; i++) out.push(storage.getItem(storage.key(i)!)!)
  return out
}

/** A stand-in for `window` that delivers `storage` events to the store under test. */
export function eventTarget() {
  const target = new EventTarget()
  return {
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    fire: (key: string) => target.dispatchEvent(Object.assign(new Event('storage'), { key })),
  }
}
