import { devSystem } from '../config.ts'
import { assertReachable, ensureDatabase } from '../database.ts'
import { log, UserFacingError } from '../log.ts'
import { startObjectStorage } from '../object-storage.ts'
import { isPortTaken } from '../ports.ts'
import type { SystemTarget } from './backup.ts'
import { type LocalStores, resolveStores } from './stores-config.ts'

/** The system a `backup` or `restore` works on, and what to stop afterwards. */
export interface OpenedTarget {
  target: SystemTarget
  close: () => Promise<void>
}

/**
 * The development system as `./kairo start` runs it, or the production one the environment names:
 * `DATABASE_URL` or the embedded PostgreSQL (the running one when `./kairo start` holds its port,
 * else started here, as start.ts does, and stopped afterwards); the stores from `resolveStores`, with
 * the local s3rver started here on its data folder when nothing answers on its port.
 */
export async function openDevTarget(
  local: LocalStores,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenedTarget> {
  const { stores, problems } = resolveStores(env, local)
  if (problems.length > 0) throw new UserFacingError(`backup settings: ${problems.join('; ')}`)
  const stops: (() => Promise<void>)[] = []
  const close = async () => {
    for (const stop of stops.reverse()) await stop()
  }
  try {
    let databaseUrl: string
    const { port, database } = devSystem.postgres
    if (!env.DATABASE_URL && (await isPortTaken(port))) {
      // `./kairo start` is running: use its server rather than fail on the taken port.
      databaseUrl = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`
      await assertReachable(databaseUrl, `the embedded PostgreSQL on port ${port}`)
    } else {
      const started = await ensureDatabase(devSystem.postgres)
      stops.push(started.stop)
      databaseUrl = started.url
    }
    if (!env.R2_ENDPOINT?.trim() && !(await isPortTaken(local.s3Port))) {
      // `./kairo start` is not running: serve its S3 data folder for as long as this command runs.
      const storage = await startObjectStorage({ port: local.s3Port, dataDir: local.s3DataDir, quiet: true })
      stops.push(storage.stop)
      log(`started the local S3 server on :${local.s3Port} (data in ${local.s3DataDir})`)
    }
    return { target: { databaseUrl, stores }, close }
  } catch (error) {
    await close()
    throw error
  }
}
