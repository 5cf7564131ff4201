// The size limit of a deliverable upload (`DELIVERABLE_MAX_BYTES`), read and checked with the other
// bindings (src/env.ts). Cloudflare refuses a request body over the plan's limit before the Worker
// runs (100 MB on Free and Pro, 200 MB on Business, 500 MB on Enterprise by default), so a limit
// above the largest of those could never be reached: it is refused as a misconfiguration.

/** The platform's largest request body (Enterprise's default), the ceiling of the setting. */
export const PLATFORM_MAX_BYTES = 500_000_000
/**
 * The default: 95 MiB, the largest round size whose form post (file plus a few KB of multipart
 * framing) stays under the 100 MB (decimal) request limit of the Free and Pro plans.
 */
export const DEFAULT_MAX_BYTES = 95 * 1024 * 1024

/** A form's multipart framing and text fields on top of the file, allowed when checking Content-Length. */
export const FORM_OVERHEAD_BYTES = 64 * 1024

/** The configured limit in bytes (the default when unset). Call after `assertBindings`. */
export function deliverableMaxBytes(env: { DELIVERABLE_MAX_BYTES?: string }): number {
  const value = env.DELIVERABLE_MAX_BYTES
  return value === undefined || value === '' ? DEFAULT_MAX_BYTES : Number(value)
}

/** The problem with `DELIVERABLE_MAX_BYTES`, for the start-up check; empty when it is fine. */
export function uploadLimitProblems(env: { DELIVERABLE_MAX_BYTES?: unknown } | undefined): string[] {
  const value = env?.DELIVERABLE_MAX_BYTES
  if (value === undefined || value === '') return []
  const valid =
    typeof value === 'string' && /^[1-9][0-9]*$/.test(value) && Number(value) <= PLATFORM_MAX_BYTES
  return valid ? [] : [`DELIVERABLE_MAX_BYTES (a whole number of bytes from 1 to ${PLATFORM_MAX_BYTES})`]
}
