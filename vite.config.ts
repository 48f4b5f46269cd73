import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'
import { digestContentPlugin } from './pipeline/vite-plugin.ts'

/** BASE_PATH deploys the app under a sub-path (e.g. `/digests/`); it must end with `/`. */
const base = process.env.BASE_PATH || '/'

export default defineConfig({
  base,
  plugins: [react(), tailwindcss(), digestContentPlugin()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  worker: { format: 'es' },
  preview: { port: 4173 },
  build: { sourcemap: true },
})
