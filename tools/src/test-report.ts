export interface Counts {
  passed: number
  failed: number
  skipped: number
}

export interface SuiteResult extends Counts {
  name: string
  code: number | null
  time: string
}

const none: Counts = { passed: 0, failed: 0, skipped: 0 }

/** Counts from Vitest's JSON reporter (Jest-compatible shape); a missing report counts nothing. */
export function countVitest(report: unknown): Counts {
  if (!isRecord(report)) return none
  const number = (key: string) => (typeof report[key] === 'number' ? (report[key] as number) : 0)
  return {
    passed: number('numPassedTests'),
    failed: number('numFailedTests'),
    skipped: number('numPendingTests') + number('numTodoTests'),
  }
}

/** Counts from Playwright's JSON reporter (`stats.expected`, `unexpected`, `flaky`, `skipped`). */
export function countPlaywright(report: unknown): Counts {
  if (!isRecord(report) || !isRecord(report.stats)) return none
  const stats = report.stats
  const number = (key: string) => (typeof stats[key] === 'number' ? (stats[key] as number) : 0)
  return {
    passed: number('expected') + number('flaky'),
    failed: number('unexpected'),
    skipped: number('skipped'),
  }
}

/**
 * The closing table, one line per suite, then the totals line `tests: N passed, N failed, N skipped`.
 * A suite that exited non-zero without reporting a failed test (a crash, a build error) counts as
 * one failure, so the totals never claim success for a run that failed.
 */
export function formatTotals(results: SuiteResult[], elapsed: string): string[] {
  const lines = ['', 'suite            passed  failed  skipped  time']
  const total = { ...none }
  for (const result of results) {
    const failed = result.code !== 0 && result.failed === 0 ? 1 : result.failed
    total.passed += result.passed
    total.failed += failed
    total.skipped += result.skipped
    lines.push(
      `${result.name.padEnd(16)} ${String(result.passed).padStart(6)}  ${String(failed).padStart(6)}  ${String(result.skipped).padStart(7)}  ${result.time}${result.code === 0 ? '' : `  (exit ${result.code})`}`,
    )
  }
  lines.push(
    '',
    `all tests ran in ${elapsed}`,
    `tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
  )
  return lines
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
