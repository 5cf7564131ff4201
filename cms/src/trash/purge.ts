import type { CollectionSlug, Payload } from 'payload'

/** How long a deleted document waits in the trash, restorable, before it is deleted for good. */
export const TRASH_DAYS = 30

/** The collections whose deletes go to the trash (`trash: true`): what editors write for the site. */
export const TRASH_COLLECTIONS = [
  'pages',
  'services',
  'case-studies',
  'team-members',
  'testimonials',
] as const satisfies readonly CollectionSlug[]

/**
 * Deletes for good what has been in the trash for more than {@link TRASH_DAYS} days, through the
 * Local API, so each delete runs the collections' own hooks (versions go with their document).
 * Returns how many documents each collection lost.
 */
export async function purgeTrash(payload: Payload, now = Date.now()): Promise<Record<string, number>> {
  const cutoff = new Date(now - TRASH_DAYS * 24 * 60 * 60 * 1000).toISOString()
  const purged: Record<string, number> = {}
  for (const collection of TRASH_COLLECTIONS) {
    const { docs } = await payload.delete({
      collection,
      where: { deletedAt: { less_than: cutoff } },
      trash: true,
      overrideAccess: true,
      depth: 0,
    })
    if (docs.length > 0) purged[collection] = docs.length
  }
  return purged
}
