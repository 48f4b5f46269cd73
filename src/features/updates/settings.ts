// Build-time settings, set in vite.config.ts from the environment (UPDATE_CHECK_SECONDS), the one
// place the build reads its options. Unset, as in unit tests, the default applies.
declare global {
  interface ImportMetaEnv {
    /** Seconds between two checks for a new deploy while the tab is visible. */
    readonly DIGEST_UPDATE_CHECK_SECONDS?: string
  }
}

/** How often an open, visible tab asks whether a new deploy is out (default 5 minutes). */
export const updateCheckMs = (Number(import.meta.env.DIGEST_UPDATE_CHECK_SECONDS) || 300) * 1000

/** Focus and visibility changes check at most this often (a reader switching tabs quickly). */
export const minCheckGapMs = 10_000
