import { type Database, leads, outbox } from '@kairo/db'
import type { ContactInput } from './schema.ts'

/** The outbox kind of the studio's "new lead" notification. */
export const LEAD_NOTIFICATION = 'lead.notification'

/** What {@link storeLead} did: stored a new lead, or found the key already used. */
export type StoreLeadResult = { created: true; leadId: string } | { created: false }

/**
 * Stores a lead and its `lead.notification` outbox row in one transaction, so a notification never
 * exists without its lead nor a lead without its notification. A repeated idempotency key inserts
 * nothing (`on conflict do nothing` on the unique key; a concurrent twin waits for the first insert
 * to commit, then does nothing), so any number of duplicates store exactly one lead. `meta.origin`
 * builds the notification's link to the lead.
 */
export async function storeLead(
  db: Database,
  input: ContactInput,
  meta: { idempotencyKey: string; ip: string; origin: string },
): Promise<StoreLeadResult> {
  return db.transaction(async (tx) => {
    const [lead] = await tx
      .insert(leads)
      .values({
        name: input.name,
        email: input.email,
        company: input.company,
        message: input.message,
        idempotencyKey: meta.idempotencyKey,
        ip: meta.ip,
      })
      .onConflictDoNothing({ target: leads.idempotencyKey })
      .returning({ id: leads.id, createdAt: leads.createdAt })
    if (!lead) return { created: false as const }
    await tx.insert(outbox).values({
      kind: LEAD_NOTIFICATION,
      payload: {
        leadId: lead.id,
        name: input.name,
        email: input.email,
        company: input.company,
        message: input.message,
        receivedAt: lead.createdAt.toISOString(),
        // The lead in the team's views, for the notification e-mail (PUBLIC_ORIGIN or this request's).
        leadUrl: `${meta.origin}/dashboard/leads/${lead.id}`,
      },
    })
    return { created: true as const, leadId: lead.id }
  })
}
