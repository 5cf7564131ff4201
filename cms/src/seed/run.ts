/**
 * Seeds the demo content. Run with `pnpm --filter @kairo/cms db:seed` (`payload run src/seed/run.ts`)
 * after `db:migrate`. Idempotent: each part is skipped when its collection already holds documents,
 * so a second run changes nothing and an editor's own content is never overwritten.
 */

import { getPayload } from 'payload'
import { fileCleanupsSettled } from '../models/remove-unused.ts'
import config from '../payload.config.ts'
import { seed } from './seed.ts'

const payload = await getPayload({ config })
try {
  await seed(payload)
} finally {
  // A model processed again may have left files of its old version to remove (in the background).
  await fileCleanupsSettled()
  // `payload run` exits once this module settles; closing the pool first keeps the exit clean.
  await payload.destroy()
}
