import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type postgres from 'postgres'

const COPY_LINE = /^COPY .+ FROM stdin;$/
/** psql meta-commands pg_dump ≥ 17.6 writes around a dump; they only guard psql itself. */
const HARMLESS_META = /^\\(restrict|unrestrict) /

/**
 * Runs a plain-format dump (pg_dump's `--format=plain`, or catalog-dump.ts's) inside the caller's
 * transaction, without psql: the SQL between data blocks goes as simple-protocol batches, each
 * `COPY … FROM stdin;` block streams its lines through COPY. So a restore needs no client tools of
 * the server's version, and any failure rolls the whole load back.
 *
 * Note: a function body containing a line that looks like `COPY … FROM stdin;` would be misread;
 * neither Kairo's schemas nor pg_dump's output have one.
 */
export async function loadPlainDump(tx: postgres.TransactionSql, path: string): Promise<{ copies: number }> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  let batch: string[] = []
  let copy: Writable | null = null
  let pending: string[] = []
  let copies = 0
  const flushBatch = async () => {
    const text = batch.join('\n')
    batch = []
    if (text.split('\n').some((line) => line.trim() && !line.trim().startsWith('--')))
      await tx.unsafe(text).simple()
  }
  const flushCopy = async () => {
    if (!copy || pending.length === 0) return
    const chunk = `${pending.join('\n')}\n`
    pending = []
    if (!copy.write(chunk)) await once(copy, 'drain')
  }
  for await (const line of lines) {
    if (copy) {
      if (line === '\\.') {
        await flushCopy()
        copy.end()
        await finished(copy)
        copy = null
        copies++
      } else {
        pending.push(line)
        if (pending.length >= 1000) await flushCopy()
      }
      continue
    }
    if (COPY_LINE.test(line)) {
      await flushBatch()
      copy = await tx.unsafe(line).writable()
      continue
    }
    if (line.startsWith('\\')) {
      if (HARMLESS_META.test(line)) continue
      throw new Error(`the dump has a psql command this restore does not run: ${line.split(' ')[0]}`)
    }
    batch.push(line)
  }
  if (copy) throw new Error('the dump ends inside a COPY block (truncated)')
  await flushBatch()
  return { copies }
}
