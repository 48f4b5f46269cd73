import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { digestContentPlugin } from './pipeline/vite-plugin.ts'
import { precompressPlugin } from './pipeline/precompress-plugin.ts'
import { cspMetaPlugin } from './deploy/security-headers.ts'
import { offlinePlugin } from './deploy/pwa.ts'

/**
 * BASE_PATH deploys the app under a sub-path (`/digests/`). Vite does not add the slashes itself, and
 * the app joins data file names onto it, so `/digests` and `digests/` are normalised here.
 */
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')

/**
 * The app's settings, all from the build's environment (here and nowhere else): SERVICE_WORKER=0
 * builds without the offline service worker (it ships by default); UPDATE_CHECK_SECONDS is how
 * often an open, visible tab looks for a new deploy (300, and on focus).
 */
const serviceWorker = process.env.SERVICE_WORKER !== '0'
const updateCheckSeconds = Number(process.env.UPDATE_CHECK_SECONDS) || 300

export default defineConfig({
  base,
  plugins: [
    react(),
    tailwindcss(),
    digestContentPlugin(),
    precompressPlugin(),
    cspMetaPlugin(),
    offlinePlugin({ enabled: serviceWorker, base }),
  ],
  define: {
    'import.meta.env.DIGEST_SERVICE_WORKER': JSON.stringify(serviceWorker ? '1' : '0'),
    'import.meta.env.DIGEST_UPDATE_CHECK_SECONDS': JSON.stringify(String(updateCheckSeconds)),
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  worker: { format: 'es' },
  preview: { port: 4173 },
  build: {
    // Source maps publish the app's source beside it: built only when asked for (SOURCEMAP=1),
    // e.g. to debug a production build locally or to upload to an error tracker.
    sourcemap: process.env.SOURCEMAP === '1',
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: in chunks of their own they stay cached
        // across app releases (and new digests change no JS at all; see the content plugin).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 20,
            },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
})
