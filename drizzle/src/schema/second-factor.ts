import { sql } from 'drizzle-orm'
import { bigint, boolean, index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { app, bytea } from './app-schema.ts'
import { users } from './users.ts'

// The second factor (api/src/auth/second-factor.ts): an authenticator app (TOTP) with its recovery
// codes, passkeys (WebAuthn), the sign-ins that passed the password and wait for the second step,
// and the passkey ceremonies' challenges. Nothing here lets a database reader sign in: the TOTP secret
// is encrypted under a Worker secret, recovery codes and pending sign-in secrets are hashed, and a
// passkey row holds a public key.

/**
 * A user's authenticator app. `secretSealed` is the RFC 6238 secret encrypted with AES-GCM under the
 * Worker's `TOTP_ENCRYPTION_KEY`, bound to the user id (`v1.<iv>.<ciphertext>`). `confirmedAt` is
 * null while the person is setting it up (it counts as a factor only once a code confirmed it).
 * `lastUsedStep` is the 30-second step of the last accepted code: a code of that step or an earlier
 * one is refused, so an overheard code cannot be replayed.
 */
export const totpFactors = app.table('totp_factors', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  confirmedAt: timestamp({ withTimezone: true }),
  lastUsedStep: bigint({ mode: 'number' }),
})

/**
 * Single-use recovery codes, issued ten at a time with the authenticator app; only a SHA-256 of each
 * (bound to its user) is stored. `usedAt` marks one spent; making new codes deletes the old set.
 */
export const recoveryCodes = app.table(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('recovery_codes_user_id_code_hash_key').on(t.userId, t.codeHash)],
)

/**
 * A passkey (a WebAuthn discoverable credential). `id` is the credential id (base64url), which the
 * authenticator returns on sign-in; `counter` is its signature counter (a clone shows up as a counter
 * that does not move forward).
 */
export const passkeys = app.table(
  'passkeys',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    publicKey: bytea().notNull(),
    counter: bigint({ mode: 'number' }).notNull().default(0),
    transports: text().array().notNull().default(sql`'{}'::text[]`),
    backedUp: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('passkeys_user_id_idx').on(t.userId)],
)

/** What a pending sign-in waits for: a code (or passkey), or the set-up of a first factor. */
export const pendingSignInStep = app.enum('pending_sign_in_step', ['verify', 'enrol'])

/**
 * A sign-in that passed the password and waits for the second step. The browser holds `id.secret`
 * in a short-lived cookie; only the SHA-256 of the secret is stored (like sessions). It lasts minutes,
 * is deleted when the session is made (single use), and ends after a few wrong codes.
 */
export const pendingSignIns = app.table(
  'pending_sign_ins',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: bytea().notNull(),
    step: pendingSignInStep().notNull(),
    failedAttempts: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('pending_sign_ins_user_id_idx').on(t.userId),
    index('pending_sign_ins_expires_at_idx').on(t.expiresAt),
  ],
)

/** What a passkey challenge was issued for. */
export const webauthnCeremony = app.enum('webauthn_ceremony', ['registration', 'authentication'])

/**
 * A challenge handed to the browser for one passkey ceremony: used once (deleted when a response
 * names it) and valid for minutes. A registration challenge belongs to the signed-in user; a sign-in
 * challenge to nobody yet (the passkey says who it is).
 */
export const webauthnChallenges = app.table(
  'webauthn_challenges',
  {
    challenge: text().primaryKey(),
    ceremony: webauthnCeremony().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('webauthn_challenges_user_id_idx').on(t.userId),
    index('webauthn_challenges_expires_at_idx').on(t.expiresAt),
  ],
)

export type TotpFactor = typeof totpFactors.$inferSelect
export type Passkey = typeof passkeys.$inferSelect
export type PendingSignIn = typeof pendingSignIns.$inferSelect
