import { AUTH_LIMITS, type AuthLimits } from '../../auth/limits.ts'
import { createRouter } from '../../lib/create-app.ts'
import { loginRoutes } from './login.tsx'
import { passwordResetRoutes } from './password-reset.tsx'

/** Options of {@link createAuthRoutes}. */
export interface CreateAuthRoutesOptions {
  /** Replaces some of the production limits (tests use small ones). */
  limits?: Partial<AuthLimits>
  /** The rate limits' clock in milliseconds, and the reset links' (tests move it). */
  now?: () => number
}

/** Sign in, sign out and password reset (HTML forms); mounted at `/`. */
export function createAuthRoutes(options: CreateAuthRoutesOptions = {}) {
  const settings = { limits: { ...AUTH_LIMITS, ...options.limits }, now: options.now }
  return createRouter().route('/', loginRoutes(settings)).route('/', passwordResetRoutes(settings))
}

/** The auth routes with their production settings. */
export const auth = createAuthRoutes()
