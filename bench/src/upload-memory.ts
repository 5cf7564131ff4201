import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hashPassword } from '@kairo/api/password'
import { createSession } from '@kairo/api/session'
import { createNodeDb } from '@kairo/db/node'
import { seedApp } from '@kairo/db/seed'
import { packageDir, startWorker } from '@kairo/tools'
import { benchSystem } from './lib/ports.ts'
import { processTree } from './lib/process-tree.ts'
import { openRunDatabase } from './lib/run-database.ts'
import { formatTable, runBenchmark } from './lib/table.ts'

/**
 * `pnpm bench:upload-memory`: the Worker's memory while deliverables stream through it. Starts
 * `wrangler dev` (the real workerd) with a 250 MB upload limit, then uploads a 50 MB and a 200 MB
 * file, each as the team's no-JS form post (`multipart/form-data`, the streaming parser) and as the
 * API's raw body, every body generated chunk by chunk on the client. While each upload runs it
 * samples the workerd process's VmRSS every 20 ms from /proc/<pid>/status, and reads VmHWM (the peak,
 * reset before each upload through /proc/<pid>/clear_refs), next to the idle RSS before the uploads.
 * Flat memory means the peak grows by about one part (8 MiB) and its copy, not by the file's size.
 * Prints figures only; exits 1 only when an upload fails.
 */

const MB = 1_000_000
const SIZES = (process.env.UPLOAD_SIZES_MB ?? '50,200').split(',').map((mb) => Number(mb) * MB)
const CHUNK = 64 * 1024
const SAMPLE_MS = 20

/** The workerd process under the Worker's process tree (wrangler runs it as a child). */
function workerdPid(root: number): number {
  for (const pid of processTree(root)) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'workerd') return pid
    } catch {
      // Exited.
    }
  }
  throw new Error('no workerd process under wrangler dev')
}

/** VmRSS and VmHWM of a process, in bytes. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
  return { rss: field('VmRSS'), hwm: field('VmHWM') }
}

/** Resets the process's peak RSS (VmHWM) to its current RSS (Linux, own processes). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** `size` bytes of a PDF, made 64 KiB at a time as fetch pulls them. */
function pdfStream(size: number): ReadableStream<Uint8Array> {
  const head = new TextEncoder().encode('%PDF-1.7\n% bench upload\n')
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close()
      const chunk = new Uint8Array(Math.min(CHUNK, size - sent)).fill(sent % 251)
      if (sent === 0) chunk.set(head)
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
}

/** The same bytes wrapped as a form post with a title field and the file in `file`. */
function formStream(size: number, boundary: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const parts = [
    encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBench ${size / MB} MB\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
  ]
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`)
  const file = pdfStream(size).getReader()
  let state: 'head' | 'file' | 'tail' = 'head'
  return new ReadableStream({
    async pull(controller) {
      if (state === 'head') {
        controller.enqueue(parts[0] as Uint8Array)
        state = 'file'
      } else if (state === 'file') {
        const { value, done } = await file.read()
        if (!done) return controller.enqueue(value)
        controller.enqueue(tail)
        state = 'tail'
      } else {
        controller.close()
      }
    },
  })
}

interface Row {
  how: string
  size: number
  status: number
  seconds: number
  peakSampled: number
  hwm: number | null
}

async function upload(
  origin: string,
  cookie: string,
  projectId: string,
  how: 'form' | 'api',
  size: number,
  pid: number,
): Promise<Row> {
  const reset = resetPeak(pid)
  let peak = memory(pid).rss
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, memory(pid).rss)
    } catch {
      // The process went away; the upload will say so.
    }
  }, SAMPLE_MS)
  const started = performance.now()
  const boundary = `bench-${Date.now()}`
  const response =
    how === 'form'
      ? await fetch(`${origin}/dashboard/projects/${projectId}/deliverables`, {
          method: 'POST',
          headers: {
            cookie,
            origin,
            'sec-fetch-site': 'same-origin',
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          body: formStream(size, boundary),
          duplex: 'half',
          redirect: 'manual',
        } as RequestInit)
      : await fetch(
          `${origin}/api/v1/projects/${projectId}/deliverables?title=${encodeURIComponent(`Bench API ${size / MB} MB`)}&fileName=bench.pdf`,
          {
            method: 'POST',
            headers: { cookie, accept: 'application/json', 'content-type': 'application/octet-stream' },
            body: pdfStream(size),
            duplex: 'half',
          } as RequestInit,
        )
  await response.arrayBuffer()
  const seconds = (performance.now() - started) / 1000
  clearInterval(timer)
  const after = memory(pid)
  peak = Math.max(peak, after.rss)
  return { how, size, status: response.status, seconds, peakSampled: peak, hwm: reset ? after.hwm : null }
}

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`

async function main(): Promise<boolean> {
  const database = await openRunDatabase('kairo_bench_upload')
  const { db, sql, close } = createNodeDb(database.databaseUrl, { max: 1 })
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined
  try {
    await seedApp(db, { hashPassword })
    const [team] = await sql<{ id: string }[]>`select id from app.users where email = 'team@kairo.studio'`
    const [project] = await sql<{ id: string }[]>`
      select p.id from app.projects p join app.companies c on c.id = p.company_id
      where c.slug = 'orbital-labs' order by p.created_at, p.name limit 1`
    if (!team || !project) throw new Error('the demo team member or project was not seeded')
    const { token } = await createSession(db, team.id, { userAgent: 'bench' })
    const cookie = `__Host-session=${token}`
    mkdirSync(join(packageDir.site, 'dist'), { recursive: true })
    worker = await startWorker({
      port: benchSystem.uploadMemory.api,
      databaseUrl: database.databaseUrl,
      persistTo: join(benchSystem.wranglerState, 'upload-memory'),
      quiet: process.env.BENCH_VERBOSE !== '1',
      vars: { DELIVERABLE_MAX_BYTES: String(250 * MB) },
    })
    if (worker.child.pid === undefined) throw new Error('the Worker process has no pid')
    const pid = workerdPid(worker.child.pid)
    const origin = `http://127.0.0.1:${benchSystem.uploadMemory.api}`
    // Warm-up: the first request compiles the Worker; a small upload loads the upload path.
    await (await fetch(`${origin}/api/health`)).arrayBuffer()
    await upload(origin, cookie, project.id, 'api', 1 * MB, pid)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const idle = memory(pid).rss
    console.log(`workerd pid ${pid}, idle RSS ${mib(idle)}`)

    const rows: Row[] = []
    for (const size of SIZES) {
      for (const how of ['form', 'api'] as const) {
        process.stdout.write(`${how === 'form' ? 'form post' : 'API raw body'}, ${size / MB} MB… `)
        const row = await upload(origin, cookie, project.id, how, size, pid)
        rows.push(row)
        console.log(`${row.status} in ${row.seconds.toFixed(1)} s`)
      }
    }
    const stored = await sql<{ bytes: string }[]>`
      select v.bytes::text from app.deliverable_versions v join app.project_deliverables d on d.id = v.deliverable_id
      where d.title like 'Bench%' and v.bytes >= ${50 * MB}`
    const table = [
      [
        'upload',
        'size',
        'status',
        'seconds',
        'MB/s',
        'idle RSS',
        'peak RSS (sampled)',
        'VmHWM',
        'peak − idle',
      ],
      ...rows.map((r) => [
        r.how === 'form' ? 'form post (multipart)' : 'API (raw body)',
        `${r.size / MB} MB`,
        String(r.status),
        r.seconds.toFixed(1),
        (r.size / MB / r.seconds).toFixed(1),
        mib(idle),
        mib(r.peakSampled),
        r.hwm === null ? 'n/a' : mib(r.hwm),
        mib(Math.max(r.peakSampled, r.hwm ?? 0) - idle),
      ]),
    ]
    console.log(`\n${formatTable(table)}`)
    console.log(`\nStored versions of 50 MB and more: ${stored.length} (expected ${rows.length}).`)
    return rows.every((r) => r.status === 201 || r.status === 303) && stored.length === rows.length
  } finally {
    await worker?.stop()
    await close()
    await database.close()
  }
}

runBenchmark(main)
