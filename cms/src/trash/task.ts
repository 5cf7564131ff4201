import type { TaskConfig } from 'payload'

import { purgeTrash, TRASH_DAYS } from './purge.ts'

/**
 * Every night, what has waited in the trash longer than {@link TRASH_DAYS} days is deleted for good
 * (the CMS server's job runner picks the schedule up: `jobs.autoRun` in payload.config.ts).
 */
export const purgeTrashTask: TaskConfig<{ input: Record<string, never>; output: { purged: string } }> = {
  slug: 'purgeTrash',
  label: `Empty the trash of documents deleted over ${TRASH_DAYS} days ago`,
  schedule: [{ cron: '40 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'purged', type: 'text', required: true }],
  handler: async ({ req }) => {
    const purged = await purgeTrash(req.payload)
    const summary = Object.entries(purged)
      .map(([collection, count]) => `${count} ${collection}`)
      .join(', ')
    if (summary) req.payload.logger.info(`trash: deleted for good ${summary}`)
    return { output: { purged: summary || 'nothing' } }
  },
}
