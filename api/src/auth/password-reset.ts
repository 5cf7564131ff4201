import { type Database, outbox, passwordResets, users } from '@kairo/db'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { hashSecret, parseToken, randomToken } from './session.ts'

// Password-reset links, built like session tokens: the link carries `<id>.<secret>`, the database
// keeps the id and the SHA-256 of the secret only (a leaked table resets nobody's password), the
// secret is compared in constant time, and each link works once and for an hour.

/** How long a link works. Long enough to switch to the mail app, short enough to go stale. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000

/** The outbox message kind a reset link is sent as. */
export const PASSWORD_RESET_OUTBOX_KIND = 'auth.password_reset'

/** The reset a valid link belongs to, with what the new-password policy needs about its user. */
export interface ValidReset {
  id: string
  userId: string
  email: string
  name: string
  companyId: string | null
  expiresAt: Date
}

/** What a link resolves to; `invalid` covers malformed, unknown and wrong-secret links alike. */
export type ResetLookup = { status: 'valid'; reset: ValidReset } | { status: 'invalid' | 'expired' | 'used' }

/**
 * Creates a reset for `user` and queues its email (an `auth.password_reset` outbox row whose payload
 * holds the link) in one transaction: a link is never stored without its message, or the reverse.
 * Earlier links stay valid until they expire, one of them is used, or the account's password or
 * email changes ({@link endPasswordResets}).
 */
export async function requestPasswordReset(
  db: Database,
  user: { id: string; email: string; name: string },
  origin: string,
  now: Date = new Date(),
): Promise<void> {
  const id = randomToken(16)
  const secret = randomToken(32)
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS)
  await db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ id, userId: user.id, secretHash: hashSecret(secret), createdAt: now, expiresAt })
    await tx.insert(outbox).values({
      kind: PASSWORD_RESET_OUTBOX_KIND,
      payload: {
        to: user.email,
        name: user.name,
        userId: user.id,
        url: `${origin}/password-reset/${id}.${secret}`,
        expiresAt: expiresAt.toISOString(),
      },
    })
  })
}

/** Resolves a link's token without using it up (the page that asks for the new password). */
export async function findPasswordReset(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<ResetLookup> {
  const parsed = parseToken(token)
  if (!parsed) return { status: 'invalid' }
  const [row] = await db
    .select({
      id: passwordResets.id,
      userId: passwordResets.userId,
      secretHash: passwordResets.secretHash,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      email: users.email,
      name: users.name,
      companyId: users.companyId,
      disabledAt: users.disabledAt,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.id, parsed.id))
  if (!row || !constantTimeEqual(hashSecret(parsed.secret), row.secretHash)) return { status: 'invalid' }
  // A disabled account cannot come back through a reset; its links read as unknown.
  if (row.disabledAt) return { status: 'invalid' }
  if (row.usedAt) return { status: 'used' }
  if (now.getTime() >= row.expiresAt.getTime()) return { status: 'expired' }
  const { id, userId, email, name, companyId, expiresAt } = row
  return { status: 'valid', reset: { id, userId, email, name, companyId, expiresAt } }
}

/**
 * Ends every open reset link of `userId` (marks it used). Call it inside the transaction that changes
 * the user's password or email address, so the change and the end of the links commit together: a
 * link mailed before the change must not outlive it. After a password change it would let whoever
 * holds the old mail undo the new password; after an email change it went to an address that may no
 * longer be the owner's. Returns how many links it ended.
 */
export async function endPasswordResets(
  tx: Database,
  userId: string,
  now: Date = new Date(),
): Promise<number> {
  const ended = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id })
  return ended.length
}

/**
 * Marks the reset used, and every other open reset of the same user with it (the new password ends
 * them, see {@link endPasswordResets}). Returns false when the link was used or expired in the
 * meantime: the conditional update lets exactly one of two concurrent submissions through. Call
 * inside the transaction that sets the new password.
 */
export async function consumePasswordReset(
  tx: Database,
  reset: ValidReset,
  now: Date = new Date(),
): Promise<boolean> {
  const [claimed] = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
    )
    .returning({ id: passwordResets.id })
  if (!claimed) return false
  await endPasswordResets(tx, reset.userId, now)
  return true
}
