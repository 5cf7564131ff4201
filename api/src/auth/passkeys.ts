import { type Database, passkeys, users, webauthnChallenges } from '@kairo/db'
import { decodeHex, encodeBase64urlNoPadding } from '@oslojs/encoding'
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import { and, eq, lt } from 'drizzle-orm'
import type { Context } from 'hono'
import { recordAudit } from '../audit/record.ts'
import type { AppEnv } from '../env.ts'
import { log } from '../lib/logger.ts'
import { publicOrigin } from '../lib/negotiate.ts'
import { countFactors, LAST_FACTOR_MESSAGE, lockUser } from './second-factor.ts'
import { roleRequiresSecondFactor } from './second-factor-policy.ts'
import { type SessionUser, SIGN_IN_USER_COLUMNS } from './session.ts'

// Passkeys (WebAuthn discoverable credentials) through @simplewebauthn/server: adding one from the
// profile, and signing in with one. User verification is required in both ceremonies (the
// authenticator checked a PIN or a fingerprint), so a passkey counts as both factors. Challenges are
// random, stored with their ceremony (and user, for a registration), valid for five minutes, and
// deleted by the first response that names them, so a response can never be replayed.

/** How long a ceremony's challenge stays valid. */
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000
/** The name shown by authenticators and password managers beside the account. */
const RP_NAME = 'Kairo'
// EdDSA, ES256 and RS256: what every platform authenticator and security key makes, and what
// workerd's WebCrypto verifies.
const ALGORITHMS = [-8, -7, -257]

/** One passkey as the profile lists it. */
export interface PasskeyView {
  id: string
  name: string
  createdAt: Date
  lastUsedAt: Date | null
  backedUp: boolean
}

/**
 * The relying party: this site's origin (`PUBLIC_ORIGIN` when set) and its host name as the RP ID.
 * Note: behind a proxy that changes the Host, set `PUBLIC_ORIGIN`, or the browser's origin will not
 * match and every ceremony fails closed.
 */
function relyingParty(c: Context<AppEnv>) {
  const origin = publicOrigin(c)
  return { origin, rpID: new URL(origin).hostname }
}

/** The WebAuthn user handle: the user id's 16 bytes (no e-mail or name in the authenticator's handle). */
function userHandle(userId: string): Uint8Array {
  return decodeHex(userId.replace(/-/g, ''))
}

async function storeChallenge(
  db: Database,
  challenge: string,
  ceremony: 'registration' | 'authentication',
  userId: string | null,
  now: Date,
) {
  await db.insert(webauthnChallenges).values({
    challenge,
    ceremony,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
  })
}

/**
 * Uses up a challenge: true only for a live challenge of this ceremony (and user) that no response
 * named before. The delete is the check, so two responses with one challenge cannot both pass.
 */
async function takeChallenge(
  db: Database,
  challenge: string,
  ceremony: 'registration' | 'authentication',
  userId: string | null,
  now: Date,
): Promise<boolean> {
  const deleted = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.challenge, challenge), eq(webauthnChallenges.ceremony, ceremony)))
    .returning()
  const [row] = deleted
  if (!row || now.getTime() >= row.expiresAt.getTime()) return false
  return ceremony === 'authentication' || row.userId === userId
}

/** One of the user's passkeys by its id; undefined when there is no such passkey of theirs. */
export async function findPasskey(
  db: Database,
  userId: string,
  id: string,
): Promise<PasskeyView | undefined> {
  const [row] = await db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
      backedUp: passkeys.backedUp,
    })
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
  return row
}

/** The options for `navigator.credentials.create()`; the challenge is stored for the signed-in user. */
export async function passkeyRegistrationOptions(
  c: Context<AppEnv>,
  db: Database,
  user: SessionUser,
  now: Date = new Date(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, user.id))
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty(c).rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: userHandle(user.id) as Uint8Array<ArrayBuffer>,
    attestationType: 'none',
    // The same authenticator twice would be one passkey under two names.
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: row.transports })),
    authenticatorSelection: {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'required',
    },
    supportedAlgorithmIDs: ALGORITHMS,
    timeout: CHALLENGE_LIFETIME_MS,
  })
  await storeChallenge(db, options.challenge, 'registration', user.id, now)
  return options
}

/** How adding a passkey went. */
export type PasskeyRegistration = { ok: true; id: string } | { ok: false; reason: 'refused' | 'duplicate' }

/**
 * Verifies the browser's answer to the registration options (challenge, origin, RP ID, user
 * verification, the attestation's self-consistency) and stores the passkey under `name`. Audited.
 */
export async function registerPasskey(
  c: Context<AppEnv>,
  db: Database,
  user: SessionUser,
  name: string,
  response: RegistrationResponseJSON,
  now: Date = new Date(),
): Promise<PasskeyRegistration> {
  const { origin, rpID } = relyingParty(c)
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) => takeChallenge(db, challenge, 'registration', user.id, now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    })
  } catch (error) {
    log(c, 'warn', 'passkey registration refused', { userId: user.id, reason: reasonOf(error) })
    return { ok: false, reason: 'refused' }
  }
  if (!verification.verified) return { ok: false, reason: 'refused' }
  const { credential, credentialBackedUp } = verification.registrationInfo
  const stored = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({
        id: credential.id,
        userId: user.id,
        name,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        backedUp: credentialBackedUp,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: passkeys.id })
    if (!row) return false
    await recordAudit(
      c,
      {
        action: 'auth.passkey_added',
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
        details: { passkey: name },
      },
      tx,
    )
    return true
  })
  if (!stored) return { ok: false, reason: 'duplicate' }
  log(c, 'info', 'passkey added', { userId: user.id })
  return { ok: true, id: credential.id }
}

/** The options for `navigator.credentials.get()`: any of this site's passkeys (discoverable). */
export async function passkeySignInOptions(
  c: Context<AppEnv>,
  db: Database,
  now: Date = new Date(),
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(c).rpID,
    userVerification: 'required',
    timeout: CHALLENGE_LIFETIME_MS,
  })
  await storeChallenge(db, options.challenge, 'authentication', null, now)
  return options
}

/**
 * Verifies a sign-in with a passkey: the credential is one we stored, its user is enabled and is
 * the one the authenticator names, the challenge is live and unused, the signature verifies under the
 * stored public key with user verification, and the signature counter moved forward (a counter that
 * does not, from an authenticator that keeps one, means a cloned key: refused). The new counter is
 * stored. Returns the user, or null for any failure.
 */
export async function verifyPasskeySignIn(
  c: Context<AppEnv>,
  db: Database,
  response: AuthenticationResponseJSON,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      passkey: passkeys,
      user: SIGN_IN_USER_COLUMNS,
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.id, response.id))
  if (!row || row.user.disabledAt) return null
  const handle = response.response.userHandle
  if (handle !== undefined && handle !== encodeBase64urlNoPadding(userHandle(row.user.id))) return null
  const { origin, rpID } = relyingParty(c)
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => takeChallenge(db, challenge, 'authentication', null, now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: row.passkey.id,
        publicKey: row.passkey.publicKey as Uint8Array<ArrayBuffer>,
        counter: row.passkey.counter,
        transports: row.passkey.transports,
      },
      requireUserVerification: true,
    })
  } catch (error) {
    log(c, 'warn', 'passkey sign-in refused', { userId: row.user.id, reason: reasonOf(error) })
    return null
  }
  if (!verification.verified) return null
  const { newCounter, credentialBackedUp } = verification.authenticationInfo
  // Conditional on the counter read above: of two assertions racing with one counter value, one wins.
  const updated = await db
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: now, backedUp: credentialBackedUp })
    .where(and(eq(passkeys.id, row.passkey.id), eq(passkeys.counter, row.passkey.counter)))
    .returning({ id: passkeys.id })
  if (updated.length !== 1) return null
  const { disabledAt: _disabledAt, ...user } = row.user
  return user
}

/**
 * Removes one of the user's passkeys (the caller has checked the password). Refused when it is the
 * last factor of a role that requires one. Audited.
 */
export async function removePasskey(
  c: Context<AppEnv>,
  db: Database,
  user: SessionUser,
  id: string,
): Promise<{ ok: true; name: string } | { ok: false; reason: 'not_found' | 'last_factor'; message: string }> {
  return db.transaction(async (tx) => {
    await lockUser(tx, user.id)
    const [passkey] = await tx
      .select({ name: passkeys.name })
      .from(passkeys)
      .where(and(eq(passkeys.id, id), eq(passkeys.userId, user.id)))
    if (!passkey) return { ok: false, reason: 'not_found', message: 'That passkey is not in your list' }
    const factors = await countFactors(tx, user.id)
    if (!factors.totp && factors.passkeys <= 1 && roleRequiresSecondFactor(c.env, user.role)) {
      return { ok: false, reason: 'last_factor', message: LAST_FACTOR_MESSAGE }
    }
    await tx.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, user.id)))
    await recordAudit(
      c,
      {
        action: 'auth.passkey_removed',
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
        details: { passkey: passkey.name },
      },
      tx,
    )
    return { ok: true, name: passkey.name }
  })
}

/** Deletes challenges that expired before `now` (the nightly clean-up). */
export async function pruneExpiredChallenges(db: Database, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(webauthnChallenges)
    .where(lt(webauthnChallenges.expiresAt, now))
    .returning({ challenge: webauthnChallenges.challenge })
  return deleted.length
}

/**
 * What of a refused ceremony may be logged: the library's reason, short, with any long base64url
 * value in it (a challenge, a credential id) masked, and never the response itself.
 */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown'
  return error.message.replace(/[A-Za-z0-9_-]{20,}/g, '…').slice(0, 160)
}
