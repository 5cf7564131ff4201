import { type Database, leads, outbox } from '@kairo/db'
import { sql } from 'drizzle-orm'
import { isoTime, queueWebhookEvent } from '../../webhooks/outgoing/events.ts'
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
 * builds the notification's link to the lead. The insert's statement also queues the `lead.created`
 * outgoing webhook for each subscribed endpoint (a CTE over the inserted row, so a duplicate queues
 * nothing and the lead still costs two statements).
 */
export async function storeLead(
  db: Database,
  input: ContactInput,
  meta: { idempotencyKey: string; ip: string; origin: string },
): Promise<StoreLeadResult> {
  return db.transaction(async (tx) => {
    const [lead] = await tx.execute<{ id: string; createdAt: string }>(sql`
      with lead as (
        insert into ${leads} (name, email, company, message, idempotency_key, ip, source_page, service)
        values (${input.name}, ${input.email}, ${input.company ?? null}::text, ${input.message},
          ${meta.idempotencyKey}, ${meta.ip}, ${input.sourcePage ?? null}::text, ${input.service ?? null}::text)
        on conflict (idempotency_key) do nothing
        returning *
      ),
      hooks as (${queueWebhookEvent({
        type: 'lead.created',
        eventId: crypto.randomUUID(),
        from: sql`lead l`,
        // What the team sees of a lead (not the sender's IP address).
        data: sql`jsonb_build_object('lead', jsonb_build_object(
          'id', l.id, 'name', l.name, 'email', l.email, 'company', l.company, 'message', l.message,
          'source', l.source, 'sourcePage', l.source_page, 'service', l.service, 'status', l.status,
          'createdAt', ${isoTime(sql`l.created_at`)},
          'url', ${`${meta.origin}/dashboard/leads/`}::text || l.id::text))`,
      })})
      select id, ${isoTime(sql`created_at`)} as "createdAt" from lead`)
    if (!lead) return { created: false as const }
    await tx.insert(outbox).values({
      kind: LEAD_NOTIFICATION,
      payload: {
        leadId: lead.id,
        name: input.name,
        email: input.email,
        company: input.company,
        message: input.message,
        receivedAt: lead.createdAt,
        // The lead in the team's views, for the notification e-mail (PUBLIC_ORIGIN or this request's).
        leadUrl: `${meta.origin}/dashboard/leads/${lead.id}`,
      },
    })
    return { created: true as const, leadId: lead.id }
  })
}
