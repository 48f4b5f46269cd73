import { VitePWA } from 'vite-plugin-pwa'
import type { PluginOption } from 'vite'

/** Page colors of the light and dark themes (src/index.css, index.html's theme-color metas). */
export const THEME_COLORS = { light: '#fbfaf8', dark: '#141312' } as const

/** The icons in public/icons/ (made by deploy/make-icons.ts). */
export const ICONS = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
]

/**
 * The service worker (src/features/offline/sw.ts, built into `sw.js` with the precache list of the
 * deploy's code injected) and the web app manifest (`manifest.webmanifest`, linked from
 * index.html). Registration is the app's own (register-sw.ts, after the first screen): the plugin
 * injects no script, so the CSP's `script-src 'self'` needs nothing inline. Decision 050.
 */
export function offlinePlugin(options: { enabled: boolean; base: string }): PluginOption {
  return VitePWA({
    disable: !options.enabled,
    strategies: 'injectManifest',
    srcDir: 'src/features/offline',
    filename: 'sw.ts',
    injectRegister: false,
    base: options.base,
    scope: options.base,
    injectManifest: {
      // A classic script with no imports: the CSP needs nothing more than `worker-src 'self'`.
      rollupFormat: 'iife',
      // The deploy's code and the static files of the shell. index.html is not precached: it is
      // network-first (sw.ts). data/ is cached as it is read, never ahead.
      globPatterns: ['assets/**/*.{js,css}', 'theme.js', 'favicon.svg', 'icons/*.png'],
      globIgnores: ['**/*.br', '**/*.gz'],
    },
    includeManifestIcons: true,
    manifest: {
      name: 'Digest Reader · AI 新闻摘要',
      short_name: 'Digest Reader',
      description: 'AI 新闻摘要阅读器：时间线、分类、搜索与收藏',
      lang: 'zh-CN',
      // Relative to the manifest, which sits at the base: the app's root under BASE_PATH too.
      start_url: options.base,
      scope: options.base,
      id: options.base,
      display: 'standalone',
      theme_color: THEME_COLORS.light,
      background_color: THEME_COLORS.light,
      icons: ICONS,
    },
  })
}
