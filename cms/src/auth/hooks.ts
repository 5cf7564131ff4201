import { createHash } from 'node:crypto'
import {
  APIError,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { clientIp } from './client-ip.ts'
import type { CmsAuthLimits, LimitSetting } from './limits.ts'
import { countHit, type Hit, refundHits } from './store.ts'

/** Options of {@link authLimitHooks}. */
export interface AuthLimitOptions {
  limits: CmsAuthLimits
  /** `CMS_CLIENT_IP_HEADER`: where the client's address is read from. */
  clientIpHeader: string
  /** The clock in milliseconds (tests move it). */
  now?: () => number
}

/** The hooks to install on an auth collection; see limits.ts for the rules. */
export interface AuthLimitHooks {
  beforeOperation: CollectionBeforeOperationHook
  afterLogin: CollectionAfterLoginHook
}

/** The request context key holding this request's sign-in hits, given back when it succeeds. */
const HITS = 'kairoAuthLimitHits'

// Counters are keyed by a fingerprint of the address, so the table holds no e-mail addresses.
const fingerprint = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16)

const emailIn = (data: unknown): string | null => {
  const email = (data as { email?: unknown } | null | undefined)?.email
  return typeof email === 'string' && email.trim() !== '' ? email : null
}

type Check = [setting: LimitSetting, key: string]

/** The limits an operation counts against, in the order they are checked; null: not limited. */
function checksFor(operation: string, data: unknown, ip: string, limits: CmsAuthLimits): Check[] | null {
  const email = emailIn(data)
  switch (operation) {
    case 'login':
      return [
        [limits.loginPerIp, `cms:login:ip:${ip}`],
        ...(email
          ? [[limits.loginPerAccountAndIp, `cms:login:account-ip:${fingerprint(email)}:${ip}`] as Check]
          : []),
      ]
    case 'forgotPassword':
      return [
        [limits.forgotPerIp, `cms:forgot:ip:${ip}`],
        ...(email ? [[limits.forgotPerAccount, `cms:forgot:account:${fingerprint(email)}`] as Check] : []),
      ]
    case 'resetPassword':
      return [[limits.resetPerIp, `cms:reset:ip:${ip}`]]
    default:
      return null
  }
}

/** Answers 429 in Payload's error shape (`{ errors: [{ message }] }`) with `Retry-After`. */
function tooMany(req: PayloadRequest, retryAfterSeconds: number): APIError {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(retryAfterSeconds))
  const minutes = Math.ceil(retryAfterSeconds / 60)
  return new APIError(`Too many attempts; try again in ${minutes} minute(s).`, 429, null, true)
}

/**
 * Hooks that limit sign-in, forgot-password and reset-password requests per IP and per account
 * (limits.ts), counted in Postgres. Only requests from outside are counted (REST and GraphQL); the
 * Local API (seeds, tests, server code) is trusted.
 */
export function authLimitHooks(options: AuthLimitOptions): AuthLimitHooks {
  // Read at each request (not bound once), so a clock set by a test applies here too.
  const now = options.now ?? (() => Date.now())
  return {
    beforeOperation: async ({ args, operation, req }) => {
      if (req.payloadAPI === 'local') return args
      const checks = checksFor(
        operation,
        (args as { data?: unknown }).data,
        clientIp(req.headers, options.clientIpHeader),
        options.limits,
      )
      if (!checks) return args
      const hits: Hit[] = []
      for (const [setting, key] of checks) {
        const at = now()
        const { count, hit, windowEnds } = await countHit(req.payload, key, setting.windowSeconds, at)
        hits.push(hit)
        if (count > setting.limit) throw tooMany(req, Math.max(1, Math.ceil((windowEnds - at) / 1000)))
      }
      req.context[HITS] = hits
      return args
    },
    afterLogin: async ({ req, user }) => {
      const hits = req.context[HITS] as Hit[] | undefined
      if (!hits) return user
      try {
        await refundHits(req.payload, hits)
      } catch (error) {
        // The sign-in stands; at worst its attempt stays counted until the window ends.
        req.payload.logger.warn({ msg: 'auth-limits: could not give back a sign-in attempt', err: error })
      }
      return user
    },
  }
}
