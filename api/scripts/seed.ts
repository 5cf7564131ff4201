import { createNodeDb } from '@kairo/db/node'
import { seedApp } from '@kairo/db/seed'
import { seedRefusal } from '@kairo/db/seed-guard'
import { hashPassword } from '../src/auth/password.ts'

// `pnpm --filter @kairo/api db:seed`: inserts the demo company, users, projects, automations and
// leads into DATABASE_URL once (a second run changes nothing). Lives here, not in @kairo/db, because
// the password hasher belongs to the API. Run the migrations first.
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('db:seed: DATABASE_URL is not set (expected postgres://user@host:port/database)')
  process.exit(1)
}

const refusal = seedRefusal(databaseUrl, process.env)
if (refusal) {
  console.error(`db:seed: ${refusal}`)
  process.exit(1)
}

const { db, close } = createNodeDb(databaseUrl, { max: 2 })
try {
  const result = await seedApp(db, { hashPassword })
  console.log(
    result.seeded ? 'db:seed: demo data inserted' : 'db:seed: demo data already present, nothing to do',
  )
} catch (error) {
  console.error(`db:seed: seeding failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await close()
}
