import { defineConfig } from 'vitest/config'

/** Browser tests: real Chromium against the built app served by `vite preview`. */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    // One browser at a time: the machine has two cores and Chromium wants both.
    fileParallelism: false,
    testTimeout: 60_000,
    // expect.poll waits on a condition, never sleeps: a second (its default) is too short for a
    // page rendering its rows in a background pass on a busy 2-core machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
})
