import { env } from 'cloudflare:workers'
import { type Database, totpFactors } from '@kairo/db'
import { Secret, TOTP } from 'otpauth'
import { SESSION_COOKIE } from '../../src/auth/cookie.ts'
import { PENDING_COOKIE } from '../../src/auth/pending-sign-in.ts'
import { sealSecret, totpKeyOf } from '../../src/auth/secret-box.ts'
import { encodeTotpSecret, newTotpSecret } from '../../src/auth/totp.ts'

// Second-factor fixtures: an authenticator app given to a user the way the app stores one (sealed
// under the Worker's key), codes computed with otpauth (what a phone computes), and the cookies a
// browser would keep between the password, the second step and the session.

/** The code an authenticator app shows for `secret` at `atMs` (otpauth, an independent implementation). */
export function appCode(secret: Uint8Array, atMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(encodeTotpSecret(secret)), digits: 6, period: 30 }).generate({
    timestamp: atMs,
  })
}

/** A secret read off the set-up page, as a person types it into their app. */
export function secretOnPage(html: string): Uint8Array {
  const match = /<code class="copyable" id="totp-secret">([A-Z2-7 ]+)<\/code>/.exec(html)
  if (!match?.[1]) throw new Error('test: no secret on the page')
  return new Uint8Array(Secret.fromBase32(match[1].replace(/ /g, '')).buffer)
}

/** The recovery codes listed on a page. */
export function recoveryCodesOnPage(html: string): string[] {
  return [...html.matchAll(/<li><code class="copyable">([a-z2-7-]{19})<\/code><\/li>/g)].map(
    (m) => m[1] as string,
  )
}

/** Turns the authenticator app on for `userId`, as a confirmed set-up leaves it; returns the secret. */
export async function giveTotp(db: Database, userId: string): Promise<Uint8Array> {
  const secret = newTotpSecret()
  await db.insert(totpFactors).values({
    userId,
    secretSealed: await sealSecret(totpKeyOf(env), userId, secret),
    confirmedAt: new Date(),
  })
  return secret
}

/** The value a response sets for cookie `name` ('' when it deletes it; undefined when untouched). */
export function cookieSet(response: Response, name: string): string | undefined {
  const line = response.headers
    .getSetCookie()
    .filter((l) => l.startsWith(`${name}=`))
    .at(-1)
  if (line === undefined) return undefined
  const value = line.slice(name.length + 1).split(';')[0] ?? ''
  return /max-age=0\b/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) ? '' : value
}

/** A `Cookie` header holding the pending sign-in (and a session, when given). */
export function pendingCookie(response: Response): string {
  const value = cookieSet(response, PENDING_COOKIE)
  if (!value) throw new Error('test: the response set no pending sign-in')
  return `${PENDING_COOKIE}=${value}`
}

/** The `Cookie` header of the session a response set. */
export function sessionFrom(response: Response): string | undefined {
  const value = cookieSet(response, SESSION_COOKIE)
  return value ? `${SESSION_COOKIE}=${value}` : undefined
}
