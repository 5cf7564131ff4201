import { automations, type Database } from '@kairo/db'
import { and, eq, sql } from 'drizzle-orm'
import { type AuditWriter, isUuid } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// The studio's side of the run webhook: giving an automation a new webhook key id (create or
// rotate). The secret is derived from the id (webhooks/keys.ts), so storing the id is all there is
// to it; the previous id stops matching at once, which is what revokes the old URL and secret.

/** What {@link rotateWebhookKey} did. */
export type WebhookRotation =
  | {
      outcome: 'rotated'
      title: string
      /** When the new key id took effect. */
      createdAt: Date
      /** Whether it replaced an earlier webhook (rotation) rather than creating the first. */
      replaced: boolean
    }
  | { outcome: 'not_found' }

/**
 * Stores `keyId` as the automation's webhook key id and writes `automation.webhook_rotated` in the
 * same transaction (never the key id or anything secret). The row is locked first, so two rotations
 * at once queue and each audit entry names what it replaced. Callers check the role: only studio
 * staff may see a secret, so only they may make one.
 */
export async function rotateWebhookKey(
  db: Database,
  scope: Scope,
  id: string,
  keyId: string,
  audit: AuditWriter,
): Promise<WebhookRotation> {
  if (!isUuid(id)) return { outcome: 'not_found' }
  return db.transaction(async (tx): Promise<WebhookRotation> => {
    const [current] = await tx
      .select({
        title: automations.title,
        companyId: automations.companyId,
        previous: automations.webhookKeyId,
      })
      .from(automations)
      .where(and(eq(automations.id, id), inScope(scope, automations.companyId)))
      .for('update')
    if (!current) return { outcome: 'not_found' }
    const [updated] = await tx
      .update(automations)
      .set({
        webhookKeyId: keyId,
        webhookKeyCreatedAt: sql`now()`,
        // "Last changed" on the page means the automation itself (state, flow), not its credentials.
        updatedAt: sql`${automations.updatedAt}`,
      })
      .where(eq(automations.id, id))
      .returning({ createdAt: automations.webhookKeyCreatedAt })
    const createdAt = updated?.createdAt
    if (!createdAt) throw new Error('rotateWebhookKey: the locked automation was not updated')
    const replaced = current.previous !== null
    await audit(
      {
        action: 'automation.webhook_rotated',
        companyId: current.companyId,
        targetType: 'automation',
        targetId: id,
        details: { title: current.title, replaced },
      },
      tx,
    )
    return { outcome: 'rotated', title: current.title, createdAt, replaced }
  })
}
