/**
 * Seeds the demo content. Run with `pnpm --filter @kairo/cms db:seed` (`payload run src/seed/run.ts`)
 * after `db:migrate`. Idempotent: each part is skipped when its collection already holds documents,
 * so a second run changes nothing and an editor's own content is never overwritten.
 */

// The seeds' one rule (`@kairo/db/seed-guard`, a file without imports): refuse production.
import { seedRefusal } from '@kairo/db/seed-guard'
import { getPayload } from 'payload'

// Checked before the config is even loaded (it validates the environment and opens the pool), so a
// refused seed touches nothing. Without DATABASE_URL the config's own message says so.
const refusal = process.env.DATABASE_URL ? seedRefusal(process.env.DATABASE_URL, process.env) : null
if (refusal) {
  console.error(`seed: ${refusal}`)
  process.exit(1)
}

const { default: config } = await import('../payload.config.ts')
const { fileCleanupsSettled } = await import('../models/remove-unused.ts')
const { seed } = await import('./seed.ts')
const payload = await getPayload({ config })
try {
  await seed(payload)
} finally {
  // A model processed again may have left files of its old version to remove (in the background).
  await fileCleanupsSettled()
  // `payload run` exits once this module settles; closing the pool first keeps the exit clean.
  await payload.destroy()
}
