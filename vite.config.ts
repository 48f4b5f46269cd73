import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { digestContentPlugin } from './pipeline/vite-plugin.ts'

/**
 * BASE_PATH deploys the app under a sub-path (`/digests/`). Vite does not add the slashes itself, and
 * the app joins data file names onto it, so `/digests` and `digests/` are normalised here.
 */
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')

export default defineConfig({
  base,
  plugins: [react(), tailwindcss(), digestContentPlugin()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  worker: { format: 'es' },
  preview: { port: 4173 },
  build: { sourcemap: true },
})
