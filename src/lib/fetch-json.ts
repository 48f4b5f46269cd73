import * as v from 'valibot'

/** A data file could not be loaded or did not match the expected schema. */
export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'DataLoadError'
  }
}

/** Fetches JSON and validates it at the boundary; the one way the app loads data. */
export async function fetchJson<T>(
  url: string,
  schema: v.GenericSchema<unknown, T>,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, { signal })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new DataLoadError(`network error loading ${url}`, url)
  }
  if (!response.ok)
    throw new DataLoadError(`HTTP ${response.status} loading ${url}`, url, response.status)
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new DataLoadError(`invalid JSON in ${url}`, url, response.status)
  }
  const parsed = v.safeParse(schema, body)
  if (!parsed.success)
    throw new DataLoadError(`unexpected data in ${url}: ${parsed.issues[0].message}`, url)
  return parsed.output
}

/** URL of a file the app is served with (`data/…`), under the app's base path. */
export function appUrl(file: string): string {
  return `${import.meta.env.BASE_URL}${file}`
}
