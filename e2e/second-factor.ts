import { createHmac, randomBytes } from 'node:crypto'
// The API's own sealing, so a secret given here is stored exactly as the Worker stores one.
import { sealSecret } from '@kairo/api/secret-box'
import postgres from 'postgres'
import { requiredEnv } from './system.ts'

// The second factor in the browser tests: an authenticator app in software. Codes are computed here
// with Node's HMAC-SHA-1 from RFC 6238 (not with the Worker's code, so the two are checked against each
// other), and users of roles that must have a second factor are given a known secret, sealed under
// the run's `TOTP_ENCRYPTION_KEY` (the global setup makes one per run and hands it to the Worker).

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const STEP_MS = 30_000

/** The demo admin's app secret in the test system (the global setup installs it after the seed). */
export const DEMO_TEAM_TOTP_SECRET = 'KAIROTESTDEMOTEAMSECRETKEY234567'

/** The roles that must sign in with a second factor (the Worker's default). */
export const ROLES_WITH_SECOND_FACTOR: readonly string[] = ['admin', 'team']

/** A new random secret, as base32 (what an app shows and takes). */
export function newTotpSecret(): string {
  const bytes = randomBytes(20)
  let bits = ''
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0')
  return (bits.match(/.{5}/g) ?? []).map((chunk) => BASE32[Number.parseInt(chunk, 2)]).join('')
}

/** Base32 (any case, spaces allowed) to bytes. */
export function base32Bytes(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  let bits = ''
  for (const char of clean) {
    const value = BASE32.indexOf(char)
    if (value < 0) throw new Error(`not base32: ${char}`)
    bits += value.toString(2).padStart(5, '0')
  }
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)))
}

/** The 6-digit code of `secret` (base32) for the 30-second step containing `atMs` (RFC 6238). */
export function totpCode(secret: string, atMs: number = Date.now()): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / STEP_MS)))
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest()
  const offset = (mac.at(-1) as number) & 0x0f
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0')
}

/** The run's key for sealing secrets: the one the global setup gave the Worker. */
function runKey(): string {
  return requiredEnv('TOTP_ENCRYPTION_KEY')
}

/** Turns the authenticator app on for `userId` with `secret` (base32), as a confirmed set-up does. */
export async function giveTotp(sql: postgres.Sql, userId: string, secret: string): Promise<void> {
  const sealed = await sealSecret(runKey(), userId, new Uint8Array(base32Bytes(secret)))
  await sql`
    insert into app.totp_factors (user_id, secret_sealed, confirmed_at)
    values (${userId}, ${sealed}, now())
    on conflict (user_id) do update set secret_sealed = excluded.secret_sealed,
      confirmed_at = excluded.confirmed_at, last_used_step = null`
}

/**
 * A code the Worker will take now for the account `email`. Each 30-second step works once, and the
 * Worker also takes the next step's code, so after an earlier sign-in used this step's code the next
 * step's is typed; only when that one is used too does this wait for the clock.
 */
export async function freshCode(email: string, secret: string): Promise<string> {
  const sql = postgres(requiredEnv('DATABASE_URL'), { max: 1, onnotice: () => {} })
  try {
    const [row] = await sql<{ lastUsedStep: string | null }[]>`
      select t.last_used_step as "lastUsedStep" from app.totp_factors t
      join app.users u on u.id = t.user_id where lower(u.email) = lower(${email})`
    const used = row?.lastUsedStep == null ? Number.NEGATIVE_INFINITY : Number(row.lastUsedStep)
    const current = Math.floor(Date.now() / STEP_MS)
    const target = Math.max(current, used + 1)
    // Type the code once its step is at most one ahead of the clock (with a little margin).
    const waitMs = (target - 1) * STEP_MS - Date.now() + 500
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
    return totpCode(secret, target * STEP_MS)
  } finally {
    await sql.end()
  }
}
