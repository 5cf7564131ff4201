import { auditLog, type Database } from '@kairo/db'
import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'
import { clientIp } from '../lib/negotiate.ts'

/** One audit entry; `details` must never carry a secret, token or password. */
export interface AuditEvent {
  action: string
  companyId?: string | null
  targetType?: string | null
  targetId?: string | null
  /** Who did it when it is not the signed-in user (a sign-in, before `c.var.auth` is set). */
  actorId?: string | null
  details?: Record<string, string | number | boolean | null>
}

/**
 * Appends an audit entry with the request's id, IP and actor. Pass `db` (a transaction) to write it
 * atomically with the change it records: an automation paused without its audit line, or the
 * reverse, never happens.
 */
export async function recordAudit(c: Context<AppEnv>, event: AuditEvent, db?: Database): Promise<void> {
  const target = db ?? c.var.db().db
  await target.insert(auditLog).values({
    action: event.action,
    actorId: event.actorId ?? c.get('auth')?.user.id ?? null,
    companyId: event.companyId ?? null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: clientIp(c),
    requestId: c.get('requestId'),
    details: event.details ?? {},
  })
}
