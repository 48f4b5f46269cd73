import { afterEach, beforeEach, vi } from 'vitest'
import { cleanup } from '@testing-library/react'

// A test that logs console.error fails: React warnings and failed loads are bugs, not noise.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error in test: ${args.map(String).join(' ')}`)
  })
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  localStorage.clear()
})
