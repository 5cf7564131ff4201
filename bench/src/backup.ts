import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  backup,
  createDatabaseIfMissing,
  dropDatabase,
  type LocalObjectStorage,
  packageDir,
  resolveStores,
  restore,
  type SystemTarget,
  seedAll,
  seedDeliverableFiles,
  startObjectStorage,
  withDatabase,
} from '@kairo/tools'
import { measure } from './build/measure-process.ts'
import { openRunDatabase } from './lib/run-database.ts'
import { formatTable, runBenchmark } from './lib/table.ts'

/**
 * `pnpm bench:backup`: `./kairo backup` and `./kairo restore` on (1) the demo data (seeded with its
 * 3D models, media and deliverables) and (2) the same plus the build benchmark's 1,000 generated case
 * studies (bench/src/build/generate-content.ts). Each restore goes into a fresh database and fresh
 * buckets on their own s3rver and wrangler state. Prints archive size, objects, backup and restore
 * seconds. No goal: it exits 1 only when a backup or restore fails.
 */
const LARGE = { caseStudies: 1000, services: 50 }

interface Row {
  data: string
  bytes: number
  objects: number
  dumpTool: string
  backupSeconds: number
  restoreSeconds: number
}

async function main(): Promise<boolean> {
  const work = await mkdtemp(join(tmpdir(), 'kairo-bench-backup-'))
  const database = await openRunDatabase('kairo_bench_backup')
  const servers: LocalObjectStorage[] = []
  const extraDatabases: string[] = []
  try {
    const s3 = await startObjectStorage({ port: 0, dataDir: join(work, 's3'), quiet: true })
    servers.push(s3)
    const options = {
      databaseUrl: database.databaseUrl,
      payloadSecret: database.payloadSecret,
      storage: s3.env,
      quiet: true,
    }
    step('seeding the demo content (3D models, media, deliverables)')
    await seedAll(options)
    await seedDeliverableFiles({ persistTo: join(work, 'wrangler'), databaseUrl: database.databaseUrl })
    const source = target(database.databaseUrl, s3, join(work, 'wrangler'))

    const roundTrip = async (data: string): Promise<Row> => {
      step(`${data}: backup`)
      const archive = join(work, `${data.replaceAll(/\W+/g, '-')}.tar.gz`)
      const written = await backup(source, { out: archive })
      step(`${data}: restore into an empty database and empty buckets`)
      const fresh = await startObjectStorage({
        port: 0,
        dataDir: join(work, `restore-s3-${servers.length}`),
        quiet: true,
      })
      servers.push(fresh)
      const name = `kairo_bench_restore_${Date.now()}`
      const server = withDatabase(database.databaseUrl, 'postgres')
      await createDatabaseIfMissing(server, name)
      extraDatabases.push(name)
      const into = target(
        withDatabase(database.databaseUrl, name),
        fresh,
        join(work, `restore-wrangler-${servers.length}`),
      )
      const restored = await restore(into, { archive, force: false, payloadSecret: database.payloadSecret })
      return {
        data,
        bytes: written.bytes,
        objects: written.objects,
        dumpTool: written.dumpTool,
        backupSeconds: written.seconds,
        restoreSeconds: restored.seconds,
      }
    }

    const rows = [await roundTrip('demo data')]
    step(`generating content up to ${LARGE.caseStudies} case studies and ${LARGE.services} services`)
    await generate(options)
    rows.push(await roundTrip(`demo + ${LARGE.caseStudies} case studies`))
    console.log(
      `\n${formatTable([
        ['data', 'archive', 'objects', 'backup', 'restore', 'dump tool'],
        ...rows.map((row) => [
          row.data,
          `${(row.bytes / 1024 / 1024).toFixed(2)} MiB`,
          String(row.objects),
          `${row.backupSeconds.toFixed(1)} s`,
          `${row.restoreSeconds.toFixed(1)} s`,
          row.dumpTool,
        ]),
      ])}\n`,
    )
    console.log('restore includes verifying every checksum and running the current migrations (none pending)')
    return true
  } finally {
    for (const name of extraDatabases)
      await dropDatabase(withDatabase(database.databaseUrl, 'postgres'), name)
    for (const server of servers) await server.stop()
    await database.close()
    await rm(work, { recursive: true, force: true })
  }
}

function target(databaseUrl: string, s3: LocalObjectStorage, wranglerState: string): SystemTarget {
  const { stores, problems } = resolveStores(s3.env as unknown as NodeJS.ProcessEnv, {
    s3Port: Number(new URL(s3.endpoint).port),
    s3DataDir: '',
    wranglerState,
  })
  if (problems.length > 0) throw new Error(problems.join('; '))
  return { databaseUrl, stores }
}

/** Adds the build benchmark's generated documents (Local API, bench/src/build/generate-content.ts). */
async function generate(options: { databaseUrl: string; payloadSecret: string; storage: object }) {
  const script = join(import.meta.dirname, 'build', 'generate-content.ts')
  const { code, output } = await measure('pnpm', ['exec', 'payload', 'run', script], {
    cwd: packageDir.cms,
    env: {
      ...process.env,
      ...options.storage,
      DATABASE_URL: options.databaseUrl,
      PAYLOAD_SECRET: options.payloadSecret,
      SITE_REBUILD: 'off',
      CI: 'true',
      BENCH_CASE_STUDIES: String(LARGE.caseStudies),
      BENCH_SERVICES: String(LARGE.services),
    },
  })
  if (code !== 0) throw new Error(`the content generator exited ${code}:\n${output.slice(-3000)}`)
}

function step(message: string): void {
  console.log(`bench | ${message}`)
}

runBenchmark(main)
