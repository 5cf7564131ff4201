import { devSystem } from './config.ts'
import { ensureDatabase } from './database.ts'
import { runMain } from './log.ts'
import { localSecrets } from './secrets.ts'
import { migrateAll, seedAll } from './steps.ts'

/** `./kairo db:seed`: migrates, then seeds the demo content once (a second run changes nothing). */
runMain(async () => {
  const database = await ensureDatabase(devSystem.postgres)
  try {
    const options = { databaseUrl: database.url, payloadSecret: localSecrets().PAYLOAD_SECRET }
    await migrateAll(options)
    await seedAll(options)
  } finally {
    await database.stop()
  }
})
