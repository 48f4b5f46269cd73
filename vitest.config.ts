import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The app reads the manifest's file name from the content plugin; tests serve the compiled
      // seed through a fetch stub instead (see test/app-harness.tsx).
      'virtual:digest-content': fileURLToPath(
        new URL('./test/virtual-digest-content.ts', import.meta.url),
      ),
    },
  },
  test: {
    // Conditions, not clocks: a test waits as long as a busy 2-core CI machine needs.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['pipeline/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.tsx'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
    ],
  },
})
