// Paths can carry a secret: a password-reset link is `/password-reset/<id>.<secret>`. The request
// log records paths, so the secret half of any such token is masked before a path is logged.

// The shape of `randomToken` pairs (see `session.ts`): base32 id, a dot, base32 secret.
const TOKEN_SEGMENT = /(^|\/)([a-z2-7]{16,64})\.[a-z2-7]{26,128}(?=\/|$)/g

/** The path with the secret half of every `<id>.<secret>` segment replaced by `[redacted]`. */
export function redactTokens(path: string): string {
  return path.replace(TOKEN_SEGMENT, '$1$2.[redacted]')
}
