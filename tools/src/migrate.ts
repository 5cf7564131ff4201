import { devSystem } from './config.ts'
import { ensureDatabase } from './database.ts'
import { runMain } from './log.ts'
import { localSecrets } from './secrets.ts'
import { migrateAll } from './steps.ts'

/** `./kairo db:migrate`: both schemas' migrations against DATABASE_URL or the embedded server. */
runMain(async () => {
  const database = await ensureDatabase(devSystem.postgres)
  try {
    await migrateAll({ databaseUrl: database.url, payloadSecret: localSecrets().PAYLOAD_SECRET })
  } finally {
    await database.stop()
  }
})
