/** The longest wait between two attempts, whatever the base. */
export const MAX_BACKOFF_MS = 60 * 60 * 1000

/**
 * How long to wait after the `attempt`-th failed attempt (1-based): `baseMs`, then twice that each
 * time, capped at an hour. With the default 30 s base and 8 attempts a message is retried after
 * 30 s, 1, 2, 4, 8, 16 and 32 min, and is dead about an hour after it was written: long enough to
 * ride out a provider's outage, short enough that a reset link (valid an hour) is still worth sending.
 */
export function backoffMs(attempt: number, baseMs: number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30))
  return Math.min(baseMs * 2 ** exponent, MAX_BACKOFF_MS)
}
