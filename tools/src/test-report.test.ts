import { describe, expect, it } from 'vitest'
import { countPlaywright, countVitest, formatTotals } from './test-report.ts'

describe('test report', () => {
  it('reads Vitest and Playwright JSON reports', () => {
    expect(
      countVitest({ numPassedTests: 4, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 }),
    ).toEqual({
      passed: 4,
      failed: 1,
      skipped: 3,
    })
    expect(countPlaywright({ stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 2 } })).toEqual({
      passed: 4,
      failed: 1,
      skipped: 2,
    })
    expect(countVitest(undefined)).toEqual({ passed: 0, failed: 0, skipped: 0 })
  })

  it('ends with a totals line and counts a crashed suite as a failure', () => {
    const lines = formatTotals(
      [
        { name: 'api', code: 0, time: '1.0 s', passed: 5, failed: 0, skipped: 1 },
        { name: 'site', code: 1, time: '2.0 s', passed: 0, failed: 0, skipped: 0 },
      ],
      '3.0 s',
    )
    expect(lines.at(-1)).toBe('tests: 5 passed, 1 failed, 1 skipped')
    expect(lines.find((line) => line.startsWith('site'))).toContain('(exit 1)')
  })
})
