/// <reference types="vite/client" />

declare module 'virtual:digest-content' {
  /** Path of the compiled manifest, relative to the app's base URL. */
  export const manifestFile: string
}
