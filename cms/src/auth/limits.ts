// Rate limits on the CMS's sign-in, forgot-password and reset-password endpoints, in place of
// Payload's own lockout. Payload locks an account after `maxLoginAttempts` wrong passwords, keyed by
// the e-mail address alone: anyone who knows an editor's address can fail five times every ten
// minutes and keep that editor out for good (a lockout the attacker controls; ASVS 5.0 6.3.1).
// The Worker solved the same problem in api/src/auth/limits.ts; these are its rules:
//
// - sign-in per IP (any account): one source spraying passwords over many accounts;
// - sign-in per account *and* IP: one source guessing one account. With the IP in the key an
//   attacker exhausts only their own counter; the editor, from their own network, signs in as usual.
//   A successful sign-in gives its attempt back, so an editor who signs in often is never limited;
// - forgot-password per IP and per account (any IP): it cannot lock the owner out, because every
//   request it counts mailed a working link to the owner's own inbox;
// - reset-password (the token from that mail) per IP: guessing tokens.

/** One limit: `limit` attempts per `windowSeconds`. */
export interface LimitSetting {
  limit: number
  windowSeconds: number
}

/** Every limit of the CMS's auth endpoints. */
export interface CmsAuthLimits {
  loginPerIp: LimitSetting
  loginPerAccountAndIp: LimitSetting
  forgotPerIp: LimitSetting
  forgotPerAccount: LimitSetting
  resetPerIp: LimitSetting
}

/** The same numbers as the Worker's (api/src/auth/limits.ts). */
export const CMS_AUTH_LIMITS: CmsAuthLimits = {
  // A shared office NAT signs in a few people at a time; 30 in ten minutes leaves room for typos.
  loginPerIp: { limit: 30, windowSeconds: 600 },
  loginPerAccountAndIp: { limit: 5, windowSeconds: 900 },
  forgotPerIp: { limit: 10, windowSeconds: 900 },
  forgotPerAccount: { limit: 3, windowSeconds: 3600 },
  resetPerIp: { limit: 10, windowSeconds: 900 },
}
