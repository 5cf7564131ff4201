import { type Database, passkeys, recoveryCodes, totpFactors, users } from '@kairo/db'
import { and, eq, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Context } from 'hono'
import { recordAudit } from '../audit/record.ts'
import type { AppEnv } from '../env.ts'
import type { PasskeyView } from './passkeys.ts'
import type { PendingStep } from './pending-sign-in.ts'
import { newRecoveryCodes, storeRecoveryCodes } from './recovery-codes.ts'
import { roleRequiresSecondFactor } from './second-factor-policy.ts'
import { openSecret, sealSecret, totpKeyOf } from './secret-box.ts'
import type { SessionUser } from './session.ts'
import { matchTotp, newTotpSecret } from './totp.ts'

// The authenticator app's life and what a user has: counting the factors, setting the app up,
// checking its codes, replacing the recovery codes, turning it off. Who must have a factor is in
// second-factor-policy.ts, passkeys in passkeys.ts, the pending state between password and code in
// pending-sign-in.ts.

/** What the user has: whether the app is on, and how many passkeys. */
export interface FactorCount {
  totp: boolean
  passkeys: number
}

/** The user's confirmed factors, in one statement. */
export async function countFactors(db: Database, userId: string): Promise<FactorCount> {
  const [row] = await db.execute<{ totp: boolean; passkeys: string }>(sql`
    select
      exists (select 1 from ${totpFactors} where user_id = ${userId} and confirmed_at is not null) as totp,
      (select count(*) from ${passkeys} where user_id = ${userId}) as passkeys`)
  return { totp: row?.totp === true, passkeys: Number(row?.passkeys ?? 0) }
}

/**
 * What must follow a correct password for `user`: `verify` (a code or passkey) when the user has a
 * factor, `enrol` when their role requires one and they have none, null when the password is enough.
 */
export async function secondStepFor(
  c: Context<AppEnv>,
  db: Database,
  user: SessionUser,
): Promise<PendingStep | null> {
  const factors = await countFactors(db, user.id)
  if (factors.totp || factors.passkeys > 0) return 'verify'
  return roleRequiresSecondFactor(c.env, user.role) ? 'enrol' : null
}

/** The authenticator app being set up: its secret, to show as a QR code and as text. */
export type TotpSetup = { status: 'setting_up'; secret: Uint8Array } | { status: 'enabled' }

/**
 * Starts (or resumes) setting up the app: an unconfirmed secret is kept between the page that shows
 * it and the code that confirms it, so reloading the page does not invalidate what was scanned.
 */
export async function beginTotpSetup(c: Context<AppEnv>, db: Database, userId: string): Promise<TotpSetup> {
  const key = totpKeyOf(c.env)
  const secret = newTotpSecret()
  await db
    .insert(totpFactors)
    .values({ userId, secretSealed: await sealSecret(key, userId, secret) })
    .onConflictDoNothing()
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId))
  if (!row) throw new Error('second-factor: the TOTP row vanished while being set up')
  if (row.confirmedAt) return { status: 'enabled' }
  const opened = await openSecret(key, userId, row.secretSealed)
  if (opened) return { status: 'setting_up', secret: opened }
  // Sealed under a key this Worker no longer has: nothing was confirmed with it, so start afresh.
  await db.delete(totpFactors).where(and(eq(totpFactors.userId, userId), isNull(totpFactors.confirmedAt)))
  return beginTotpSetup(c, db, userId)
}

/** How confirming the app went; the codes are the new recovery codes, shown once. */
export type TotpConfirmation =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: 'wrong_code' | 'not_started' | 'enabled' }

/**
 * Confirms the app with a code from it: the app is then on, the code's step is used up, and a new
 * set of recovery codes replaces any older one, all in one transaction with the audit entry.
 */
export async function confirmTotpSetup(
  c: Context<AppEnv>,
  db: Database,
  user: SessionUser,
  code: string,
  now: Date = new Date(),
): Promise<TotpConfirmation> {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, user.id))
  if (!row) return { ok: false, reason: 'not_started' }
  if (row.confirmedAt) return { ok: false, reason: 'enabled' }
  const secret = await openSecret(totpKeyOf(c.env), user.id, row.secretSealed)
  const step = secret ? matchTotp(secret, code, now.getTime()) : null
  if (step === null) return { ok: false, reason: 'wrong_code' }
  const codes = newRecoveryCodes()
  const confirmed = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(totpFactors)
      .set({ confirmedAt: now, lastUsedStep: step })
      .where(and(eq(totpFactors.userId, user.id), isNull(totpFactors.confirmedAt)))
      .returning({ userId: totpFactors.userId })
    if (!updated) return false
    await storeRecoveryCodes(tx, user.id, codes)
    await recordAudit(
      c,
      {
        action: 'auth.totp_enabled',
        actorId: user.id,
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
      },
      tx,
    )
    return true
  })
  return confirmed ? { ok: true, recoveryCodes: codes } : { ok: false, reason: 'enabled' }
}

/**
 * Checks a code from the user's app. Accepted codes use up their step (and every earlier one) in
 * one conditional update, so the same code, or an older one, never works twice, even when two
 * requests race with it.
 */
export async function verifyTotp(
  c: Context<AppEnv>,
  db: Database,
  userId: string,
  code: string,
  now: Date = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)))
  if (!row) return false
  const secret = await openSecret(totpKeyOf(c.env), userId, row.secretSealed)
  const step = secret ? matchTotp(secret, code, now.getTime(), row.lastUsedStep) : null
  if (step === null) return false
  const used = await db
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(totpFactors.userId, userId),
        or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId })
  return used.length === 1
}

/** How many unused recovery codes the user has. */
export async function recoveryCodesLeft(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
  return row?.count ?? 0
}

/**
 * Locks the user's row for the rest of the transaction, so two removals (the app and the last
 * passkey, say) cannot both see the other factor still there and leave none.
 */
export async function lockUser(tx: Database, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update')
}

/** Why a factor may not be removed: it is the last one, and the role requires one. */
export const LAST_FACTOR_MESSAGE =
  'Your role must keep a second factor: add a passkey or set up the authenticator app again before removing this one'

/**
 * Turns the app off and deletes its recovery codes (the caller has checked the password). Refused
 * (`last_factor`) when the role requires a second factor and no passkey is left.
 */
export async function removeTotp(
  c: Context<AppEnv>,
  db: Database,
  user: SessionUser,
): Promise<'removed' | 'not_enabled' | 'last_factor'> {
  return db.transaction(async (tx) => {
    await lockUser(tx, user.id)
    const factors = await countFactors(tx, user.id)
    if (!factors.totp) return 'not_enabled'
    if (factors.passkeys === 0 && roleRequiresSecondFactor(c.env, user.role)) return 'last_factor'
    await tx.delete(totpFactors).where(eq(totpFactors.userId, user.id))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id))
    await recordAudit(
      c,
      { action: 'auth.totp_removed', companyId: user.companyId, targetType: 'user', targetId: user.id },
      tx,
    )
    return 'removed'
  })
}

/**
 * Replaces the user's recovery codes with a new set (the caller has checked the password); null when
 * the app is not on (codes come with it).
 */
export async function regenerateRecoveryCodes(
  c: Context<AppEnv>,
  db: Database,
  user: SessionUser,
): Promise<string[] | null> {
  const codes = newRecoveryCodes()
  const done = await db.transaction(async (tx) => {
    await lockUser(tx, user.id)
    if (!(await countFactors(tx, user.id)).totp) return false
    await storeRecoveryCodes(tx, user.id, codes)
    await recordAudit(
      c,
      {
        action: 'auth.recovery_codes_regenerated',
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
      },
      tx,
    )
    return true
  })
  return done ? codes : null
}

/** What the profile shows of the user's second factors. */
export interface SecondFactorView {
  /** When the authenticator app was turned on; null when it is off. */
  totpSince: Date | null
  recoveryCodesLeft: number
  passkeys: PasskeyView[]
}

interface StoredFactors {
  totpSince: string | null
  codesLeft: number
  passkeys: Array<{
    id: string
    name: string
    createdAt: string
    lastUsedAt: string | null
    backedUp: boolean
  }>
}

/**
 * The user's factors as one JSON value, for a page's own statement (the profile reads it beside its
 * sessions, so showing the factors costs no extra round trip). Decode with {@link decodeFactors}.
 */
export function factorsSubquery(userId: string): SQL<StoredFactors | null> {
  return sql`(select json_build_object(
    'totpSince', (select t.confirmed_at from ${totpFactors} t where t.user_id = ${userId} and t.confirmed_at is not null),
    'codesLeft', (select count(*) from ${recoveryCodes} r where r.user_id = ${userId} and r.used_at is null),
    'passkeys', coalesce((select json_agg(json_build_object('id', k.id, 'name', k.name, 'createdAt', k.created_at,
      'lastUsedAt', k.last_used_at, 'backedUp', k.backed_up) order by k.created_at) from ${passkeys} k
      where k.user_id = ${userId}), '[]'::json)))`
}

/** The value of {@link factorsSubquery} with its dates as dates. */
export function decodeFactors(stored: StoredFactors | null | undefined): SecondFactorView {
  return {
    totpSince: stored?.totpSince ? new Date(stored.totpSince) : null,
    recoveryCodesLeft: Number(stored?.codesLeft ?? 0),
    passkeys: (stored?.passkeys ?? []).map((passkey) => ({
      id: passkey.id,
      name: passkey.name,
      createdAt: new Date(passkey.createdAt),
      lastUsedAt: passkey.lastUsedAt ? new Date(passkey.lastUsedAt) : null,
      backedUp: passkey.backedUp,
    })),
  }
}
