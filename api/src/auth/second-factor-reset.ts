import { type Database, outbox, passkeys, pendingSignIns, recoveryCodes, totpFactors, users } from '@kairo/db'
import { and, eq } from 'drizzle-orm'
import { type AuditWriter, isUuid } from '../data/rows.ts'
import { inScope, type Scope } from '../data/scope.ts'
import { countFactors } from './second-factor.ts'
import { invalidateUserSessions } from './session.ts'

// An admin's way back in for someone who lost their phone and their recovery codes: every second
// factor of the account goes (the app, its codes, the passkeys), with every session and pending
// sign-in, so whoever held the lost device is out too. The password stays; at the next sign-in a
// role that requires a factor is taken through setting one up again. The person is told by e-mail,
// so a reset they did not ask for does not pass unnoticed.

/** Why a reset was refused. */
export type SecondFactorResetRefusal = 'not_found' | 'self' | 'no_factor'

/** What {@link resetSecondFactor} removed, or why it did nothing. */
export type SecondFactorResetResult =
  | { ok: true; name: string; totp: boolean; passkeys: number; sessionsEnded: number }
  | { ok: false; reason: SecondFactorResetRefusal }

/** The people's words for each refusal but `not_found` (shared by the page and the JSON API). */
export const SECOND_FACTOR_RESET_MESSAGES: Record<Exclude<SecondFactorResetRefusal, 'not_found'>, string> = {
  self: 'You cannot reset your own second factor; change it from your profile, or ask another admin',
  no_factor: 'This account has no second factor to reset',
}

/**
 * Removes every second factor of the account `id` (in `scope`), ends its sessions and pending
 * sign-ins, queues the notice and writes `auth.second_factor_reset`, in one transaction holding the
 * user's row, so a factor added meanwhile cannot survive it. An admin cannot reset their own.
 */
export async function resetSecondFactor(
  db: Database,
  scope: Scope,
  actorId: string,
  id: string,
  audit: AuditWriter,
): Promise<SecondFactorResetResult> {
  if (!isUuid(id)) return { ok: false, reason: 'not_found' }
  if (id === actorId) return { ok: false, reason: 'self' }
  return db.transaction(async (tx): Promise<SecondFactorResetResult> => {
    const [user] = await tx
      .select({ name: users.name, email: users.email, companyId: users.companyId })
      .from(users)
      .where(and(eq(users.id, id), inScope(scope, users.companyId)))
      .for('update')
    if (!user) return { ok: false, reason: 'not_found' }
    const factors = await countFactors(tx, id)
    if (!factors.totp && factors.passkeys === 0) return { ok: false, reason: 'no_factor' }
    await tx.delete(totpFactors).where(eq(totpFactors.userId, id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id))
    await tx.delete(passkeys).where(eq(passkeys.userId, id))
    await tx.delete(pendingSignIns).where(eq(pendingSignIns.userId, id))
    const sessionsEnded = await invalidateUserSessions(tx, id)
    await tx.insert(outbox).values({
      kind: 'auth.second_factor_reset',
      payload: { to: user.email, name: user.name, userId: id },
    })
    await audit(
      {
        action: 'auth.second_factor_reset',
        companyId: user.companyId,
        targetType: 'user',
        targetId: id,
        details: { totp: factors.totp, passkeys: factors.passkeys, sessionsEnded },
      },
      tx,
    )
    return { ok: true, name: user.name, totp: factors.totp, passkeys: factors.passkeys, sessionsEnded }
  })
}
