import type { CollectionConfig } from 'payload'

/** How often the admin saves a draft while an editor types; Payload's template uses 100 ms, which is chatty. */
export const AUTOSAVE_INTERVAL_MS = 1500

/**
 * The editing workflow shared by services, case studies and pages: drafts with autosave, a version
 * history (the last 50 per document), and scheduled publishing. Scheduling queues a
 * `schedulePublish` job; the CMS server runs due jobs every minute (`jobs.autoRun` in the config).
 */
export const editorialVersions: NonNullable<CollectionConfig['versions']> = {
  drafts: {
    autosave: { interval: AUTOSAVE_INTERVAL_MS },
    schedulePublish: true,
  },
  maxPerDoc: 50,
}
