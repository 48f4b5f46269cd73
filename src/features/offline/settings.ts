// Build-time settings, set in vite.config.ts from the environment (SERVICE_WORKER=0), the one place
// the build reads its options (BASE_PATH, SOURCEMAP, DIGESTS_DIR …). Unset, as in unit tests, the
// defaults below apply.
declare global {
  interface ImportMetaEnv {
    /** '0' when the build was asked to ship no service worker. */
    readonly DIGEST_SERVICE_WORKER?: string
  }
}

/** Whether this build registers its service worker (it does unless built with SERVICE_WORKER=0). */
export const serviceWorkerEnabled = import.meta.env.DIGEST_SERVICE_WORKER !== '0'
