/// <reference types="vite/client" />

declare module 'virtual:digest-content' {
  /**
   * Path of the compiled head, relative to the app's base URL, as index.html names it; null when
   * the page was not built by the app's build (no head link).
   */
  export const headFile: string | null
}
