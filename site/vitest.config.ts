import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    // The build test runs a real `astro build`; give it room on a busy 2-core machine.
    testTimeout: 20_000,
    // Files share a worker's module cache (no test relies on fresh module state): 19 s against 26 s.
    isolate: false,
  },
})
