import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto'

// SCRAM-SHA-256 (RFC 5802, RFC 7677), the client side, as PostgreSQL uses it: no channel binding
// (gs2 header `n,,`). PostgreSQL takes the user from the StartupMessage and ignores the SCRAM one.
// Note: the password is used as UTF-8 without SASLprep; an ASCII password (all the tools generate)
// is the same either way.

const GS2_HEADER = 'n,,'

/** What the client keeps between its first and its final message. */
export interface ScramClientFirst {
  /** client-first-message, sent in SASLInitialResponse. */
  message: string
  clientFirstBare: string
  clientNonce: string
}

/** The client-final-message, and the server signature the server-final-message must carry. */
export interface ScramClientFinal {
  message: string
  serverSignature: string
}

export function scramClientFirst(
  user = '*',
  clientNonce = randomBytes(18).toString('base64'),
): ScramClientFirst {
  const clientFirstBare = `n=${user.replaceAll('=', '=3D').replaceAll(',', '=2C')},r=${clientNonce}`
  return { message: `${GS2_HEADER}${clientFirstBare}`, clientFirstBare, clientNonce }
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest()

/**
 * The client-final-message for the server-first-message (`r=…,s=…,i=…`), or an Error value when the
 * server's message is malformed or its nonce does not extend ours.
 */
export function scramClientFinal(
  first: ScramClientFirst,
  serverFirst: string,
  password: string,
): ScramClientFinal | Error {
  const attributes = new Map(
    serverFirst.split(',').map((part) => [part.slice(0, 1), part.slice(2)] as [string, string]),
  )
  const nonce = attributes.get('r')
  const salt = attributes.get('s')
  const iterations = Number(attributes.get('i'))
  if (!nonce || !salt || !Number.isInteger(iterations) || iterations < 1)
    return new Error('pg-pooler: malformed SCRAM server-first-message')
  if (!nonce.startsWith(first.clientNonce) || nonce.length === first.clientNonce.length)
    return new Error("pg-pooler: the server's SCRAM nonce does not extend the client's")

  const saltedPassword = pbkdf2Sync(password, Buffer.from(salt, 'base64'), iterations, 32, 'sha256')
  const clientKey = hmac(saltedPassword, 'Client Key')
  const storedKey = createHash('sha256').update(clientKey).digest()
  const withoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${nonce}`
  const authMessage = `${first.clientFirstBare},${serverFirst},${withoutProof}`
  const clientSignature = hmac(storedKey, authMessage)
  const proof = Buffer.from(clientKey.map((byte, i) => byte ^ (clientSignature[i] as number)))
  const serverSignature = hmac(hmac(saltedPassword, 'Server Key'), authMessage).toString('base64')
  return { message: `${withoutProof},p=${proof.toString('base64')}`, serverSignature }
}

/** Whether the server-final-message (`v=…`) proves the server knows the password too. */
export function scramServerFinalValid(final: ScramClientFinal, serverFinal: string): boolean {
  const signature = serverFinal.split(',').find((part) => part.startsWith('v='))
  if (!signature) return false
  const got = Buffer.from(signature.slice(2), 'base64')
  const expected = Buffer.from(final.serverSignature, 'base64')
  return got.length === expected.length && timingSafeEqual(got, expected)
}
