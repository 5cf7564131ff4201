import { AUTH_LIMITS, type AuthLimits } from '../../auth/limits.ts'
import type { SecondStepLimits } from '../../auth/second-step.ts'
import { createRouter } from '../../lib/create-app.ts'
import { loginRoutes } from './login.tsx'
import { passkeySignInRoutes } from './passkey.tsx'
import { passwordResetRoutes } from './password-reset.tsx'
import { secondFactorRoutes } from './second-factor.tsx'

/** Options of {@link createAuthRoutes}. */
export interface CreateAuthRoutesOptions {
  /** Replaces some of the production limits (tests use small ones). */
  limits?: Partial<AuthLimits>
  /** The rate limits' clock in milliseconds, and the reset links' (tests move it). */
  now?: () => number
  /** Replaces some of the second step's limits (tests use small ones). */
  secondFactorLimits?: Partial<SecondStepLimits>
}

/** Sign in (password, second step, passkey), sign out and password reset (HTML forms); mounted at `/`. */
export function createAuthRoutes(options: CreateAuthRoutesOptions = {}) {
  const settings = { limits: { ...AUTH_LIMITS, ...options.limits }, now: options.now }
  return createRouter()
    .route('/', loginRoutes(settings))
    .route('/', passwordResetRoutes(settings))
    .route('/', secondFactorRoutes({ limits: options.secondFactorLimits, now: options.now }))
    .route('/', passkeySignInRoutes({ now: options.now }))
}

/** The auth routes with their production settings. */
export const auth = createAuthRoutes()
