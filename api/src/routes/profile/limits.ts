import { rateLimit } from '../../middleware/rate-limit/index.ts'

// The profile's per-user limits, shared by its forms, its second-factor pages and `/api/v1/me`.

/** Every profile write, per signed-in user: far above what a person clicks. */
export const profileWriteLimit = () =>
  rateLimit({
    prefix: 'profile:write',
    limit: 60,
    windowSeconds: 600,
    key: (c) => c.var.auth?.user.id ?? null,
  })

/**
 * Forms that check the current password are a way to guess it with a stolen session, so they get a
 * tight limit of their own (per user: the session is what an attacker would have).
 */
export const currentPasswordLimit = () =>
  rateLimit({
    prefix: 'profile:verify',
    limit: 10,
    windowSeconds: 900,
    key: (c) => c.var.auth?.user.id ?? null,
  })
