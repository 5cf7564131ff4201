import { describe, expect, it } from 'vitest'
import { backoffMs, MAX_BACKOFF_MS } from './backoff.ts'

describe('backoffMs', () => {
  it('doubles from the base after each failed attempt and stops at an hour', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempt) => backoffMs(attempt, 30_000) / 1000)
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600])
    expect(backoffMs(1000, 30_000)).toBe(MAX_BACKOFF_MS)
  })
})
