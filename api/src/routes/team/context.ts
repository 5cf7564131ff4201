import type { Context } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import type { SessionUser } from '../../auth/session.ts'
import type { AuditWriter } from '../../data/rows.ts'
import { type Scope, scopeOf } from '../../data/scope.ts'
import type { AppEnv } from '../../env.ts'

// What a team route takes from its request: the signed-in user, their scope, and an audit writer
// bound to the request (its id, IP and actor) for the data layer's transactions.

/** The signed-in user; the route's guard (`staffOnly`/`adminOnly`) ran first, so there is one. */
export function userOf(c: Context<AppEnv>): SessionUser {
  const auth = c.get('auth')
  if (!auth) throw new Error('team: route reached without a signed-in user (guard missing)')
  return auth.user
}

export function scopeFor(c: Context<AppEnv>): Scope {
  return scopeOf(userOf(c))
}

export function auditFor(c: Context<AppEnv>): AuditWriter {
  return (event, tx) => recordAudit(c, event, tx)
}
