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

/**
 * JSON endpoints take JSON only: a body of any other type — what a cross-site HTML form can send
 * without a CORS preflight (urlencoded, multipart, text/plain) — is refused with 415, which closes
 * CSRF on the API. A request without a body (a DELETE, a POST that needs no input) passes: a form
 * always sends one, and a cross-site `fetch` without one needs a preflight for DELETE and carries no
 * cookie-authenticated intent the API would act on.
 */
export function jsonOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      const type = c.req.header('content-type')
      const length = c.req.header('content-length')
      const hasBody =
        type !== undefined || (length !== undefined && length !== '0') || c.req.header('transfer-encoding')
      if (hasBody && !/^application\/json\b/i.test(type ?? '')) {
        return c.json(errorBody('unsupported_media_type', 'Send the request body as application/json'), 415)
      }
    }
    await next()
  }
}
