import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // Files share a worker's module cache (no test relies on fresh module state): 43 s against 49 s.
    isolate: false,
  },
})
