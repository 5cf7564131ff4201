// CSV as RFC 4180 writes it (CRLF between records, a field quoted when it holds a quote, comma, CR
// or LF, quotes doubled), made safe to open in a spreadsheet: a cell that a spreadsheet would run
// as a formula (it starts with = + - @, a tab or a CR) gets a leading apostrophe, which the
// spreadsheet shows as text and does not evaluate. A lead's name is typed by anyone on the internet,
// so `=HYPERLINK(…)` must arrive as words.

/** A cell's value: text, a number, a date (written as ISO 8601, UTC) or nothing (an empty cell). */
export type CsvValue = string | number | Date | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** One cell, defused and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text = value instanceof Date ? value.toISOString() : String(value)
  // Numbers are the exporter's own (a negative count is a number, not a formula).
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record, with its CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/**
 * A streamed CSV body: the header row, then each batch's rows as the batches arrive, UTF-8 encoded.
 * Starts with a byte order mark, which spreadsheets need to read the file as UTF-8 rather than a
 * legacy code page (names with accents would be garbled). `done` runs once the body ends, fails or
 * is cancelled (the reader went away), to release what the batches read from.
 */
export function csvStream<T>(
  header: readonly string[],
  batches: AsyncIterator<T[]>,
  toRow: (item: T) => readonly CsvValue[],
  done: () => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let finished = false
  const finish = async () => {
    if (finished) return
    finished = true
    await done()
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(header)}`))
    },
    async pull(controller) {
      try {
        const next = await batches.next()
        if (next.done) {
          await finish()
          controller.close()
          return
        }
        controller.enqueue(encoder.encode(next.value.map((item) => csvRow(toRow(item))).join('')))
      } catch (error) {
        await finish()
        controller.error(error)
      }
    },
    async cancel() {
      await batches.return?.(undefined)
      await finish()
    },
  })
}
