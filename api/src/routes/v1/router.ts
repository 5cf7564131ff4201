import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'

/**
 * A router for one area of `/api/v1` (projects, automations, leads...). Routes are declared with
 * `createRoute` and zod schemas, so the same schema validates the input and describes it in
 * `/api/v1/openapi.json`. Invalid input answers 422 in the one error shape, one message per field.
 */
export function createV1Router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return
      const fields: Record<string, string> = {}
      for (const issue of result.error.issues) {
        const key = issue.path.join('.') || '_'
        fields[key] ??= issue.message
      }
      return c.json(errorBody('invalid_input', 'Some fields need attention', fields), 422)
    },
  })
}

/** The one error shape, as a schema for the OpenAPI document's error responses. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error')

/** A JSON response for `createRoute({ responses })`: its description and body schema. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** A required JSON request body for `createRoute({ request })`. */
export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
})

/** Error responses every authenticated route can give, for `createRoute({ responses })`. */
export const commonErrors = {
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorSchema } } },
  404: {
    description: 'No such resource, or not yours',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  422: { description: 'Invalid input', content: { 'application/json': { schema: ErrorSchema } } },
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Every write (POST, PUT, PATCH, DELETE) must declare `Content-Type: application/json`, with a body
 * or without one; anything else is refused with 415 before the route runs. A cross-site page can send
 * a cookie-carrying request without a CORS preflight only when it has no body or a form-encodable one
 * (urlencoded, multipart, text/plain): a `<form>` post, or a `fetch` POST with no body at all (what
 * pause and resume need). Declaring JSON forces the preflight, which this Worker never approves, so no
 * other site can make a signed-in browser act here (CSRF). The deliverable uploads take the raw file
 * and are mounted before this (`routes/v1/deliverables.ts`, `application/octet-stream` only, which
 * needs the same preflight).
 */
export function jsonOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (WRITES.has(c.req.method) && !/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      return c.json(errorBody('unsupported_media_type', 'Send Content-Type: application/json'), 415)
    }
    await next()
  }
}

/**
 * `Cache-Control: private, no-store` on every `/api/v1` answer, errors and 404s included (mounted in
 * `app.ts` ahead of the session's lookup, so its failures are covered too): the answers are one
 * person's data, and neither a shared cache nor the browser's history should keep them.
 */
export function privateNoStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    c.header('Cache-Control', 'private, no-store')
  }
}
