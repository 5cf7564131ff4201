import type { CollectionConfig } from 'payload'

import type { AuthEnv } from './env.ts'
import { authLimitHooks } from './hooks.ts'
import { CMS_AUTH_LIMITS, type CmsAuthLimits } from './limits.ts'

/**
 * Hardens an auth collection: Payload's lockout by e-mail is off (`maxLoginAttempts: 0`; it let a
 * stranger lock an editor out), the rate limits of limits.ts take its place, and the auth cookie is
 * `Secure` in production. Payload's other cookie defaults stay (`HttpOnly`, `SameSite=Lax`).
 */
export function withAuthGuards(env: AuthEnv, limits: CmsAuthLimits = CMS_AUTH_LIMITS) {
  const hooks = authLimitHooks({ limits, clientIpHeader: env.clientIpHeader })
  return (collection: CollectionConfig): CollectionConfig => {
    const auth = typeof collection.auth === 'object' ? collection.auth : {}
    return {
      ...collection,
      auth: {
        ...auth,
        maxLoginAttempts: 0,
        cookies: { ...auth.cookies, secure: env.secureCookies },
      },
      hooks: {
        ...collection.hooks,
        beforeOperation: [...(collection.hooks?.beforeOperation ?? []), hooks.beforeOperation],
        afterLogin: [...(collection.hooks?.afterLogin ?? []), hooks.afterLogin],
      },
    }
  }
}
