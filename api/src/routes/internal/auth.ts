import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'

const encoder = new TextEncoder()

/**
 * Admits a request bearing `Authorization: Bearer <PIPELINE_TOKEN>`; anything else (no header,
 * another scheme, a wrong token, or no token configured on this Worker) is 401 in the one error shape.
 * Both sides are hashed before the constant-time comparison, so neither the contents nor the length
 * of the secret shows in the timing. The token is never logged (the request log has no headers).
 */
export function pipelineToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const expected = c.env.PIPELINE_TOKEN
    const header = c.req.header('authorization') ?? ''
    const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
    const valid =
      typeof expected === 'string' &&
      expected.length > 0 &&
      presented.length > 0 &&
      constantTimeEqual(sha256(encoder.encode(presented)), sha256(encoder.encode(expected)))
    if (!valid) {
      c.header('WWW-Authenticate', 'Bearer realm="kairo-pipeline"')
      return c.json(errorBody('unauthorized', 'A valid pipeline token is required'), 401)
    }
    await next()
  }
}
