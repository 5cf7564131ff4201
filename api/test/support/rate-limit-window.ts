/**
 * Waits, when needed, until the rate limiter's current fixed window (`windowSeconds` long, aligned
 * to the epoch as `rateLimit` aligns it) has at least `neededMs` left. A test that counts hits up
 * to a limit over several seconds would otherwise now and then straddle a window boundary: its
 * counts split between two windows and the request meant to be refused is allowed (a CI flake).
 * Waits at most `neededMs`, and only in the rare run that starts that close to a boundary.
 */
export async function awaitRoomInWindow(windowSeconds: number, neededMs: number): Promise<void> {
  const windowMs = windowSeconds * 1000
  const left = windowMs - (Date.now() % windowMs)
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 50))
}
