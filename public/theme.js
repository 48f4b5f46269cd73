// Applies the saved or system theme before first paint, so there is no flash of the wrong one.
// A file of its own, loaded by a blocking <script> in <head>, because the Content-Security-Policy
// allows no inline script. The key is THEME_STORAGE_KEY in src/features/preferences/hooks/use-theme.ts.
try {
  const t = localStorage.getItem('digest-reader:theme')
  const dark = t === 'dark' || (t !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
} catch {
  // Storage or matchMedia unavailable: the app applies the theme once it starts.
}
