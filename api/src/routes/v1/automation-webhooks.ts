import { createRoute, z } from '@hono/zod-openapi'
import { errorBody } from '../../lib/errors.ts'
import { SIGNATURE_HEADER, SIGNATURE_WINDOW_SECONDS, TIMESTAMP_HEADER } from '../../webhooks/signature.ts'
import { issueWebhook } from '../team/automations/issue.ts'
import { staffOnly, staffWriteLimit } from '../team/limits.ts'
import { IdParam } from './projects.ts'
import { commonErrors, createV1Router, ErrorSchema, jsonResponse } from './router.ts'

// `POST /api/v1/automations/{id}/webhook`: the team's "Create/Rotate webhook secret" as JSON. Staff
// only (a client gets the 404 of a route that does not exist); the secret is in this answer only.

const WebhookSchema = z
  .object({
    url: z.url().openapi({ description: 'Where the engine POSTs its run reports' }),
    secret: z.string().openapi({ description: 'The signing secret; shown in this answer only' }),
    createdAt: z.iso.datetime(),
    replaced: z.boolean().openapi({ description: 'True when it replaced (and revoked) an earlier webhook' }),
  })
  .openapi('AutomationWebhook')

export const automationWebhooksApi = createV1Router()

automationWebhooksApi.openapi(
  createRoute({
    method: 'post',
    path: '/automations/{id}/webhook',
    tags: ['Automations'],
    summary: 'Make a new run webhook URL and secret for an automation (staff; audited)',
    description:
      'Stores a new webhook key id: the previous URL and secret stop working at once. The engine then ' +
      `POSTs { runId, event: started|finished, outcome?, startedAt?, finishedAt?, message? } to the URL with ` +
      `${TIMESTAMP_HEADER} (Unix seconds, within ${SIGNATURE_WINDOW_SECONDS} s) and ` +
      `${SIGNATURE_HEADER}: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>. ` +
      'Send Content-Type: application/json (the body is ignored).',
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: IdParam },
    responses: {
      201: jsonResponse(WebhookSchema, 'The new URL and secret'),
      ...commonErrors,
      415: jsonResponse(ErrorSchema, 'Not sent as application/json'),
      429: jsonResponse(ErrorSchema, 'Too many writes; see Retry-After'),
      503: jsonResponse(ErrorSchema, 'Run webhooks are not configured on this server'),
    },
  }),
  async (c) => {
    const issued = await issueWebhook(c, c.req.valid('param').id)
    if (issued.outcome === 'not_found') return c.json(errorBody('not_found', 'No such automation'), 404)
    if (issued.outcome === 'not_configured') {
      return c.json(
        errorBody('webhooks_not_configured', 'Run webhooks are not configured on this server'),
        503,
      )
    }
    c.header('Cache-Control', 'no-store')
    return c.json(
      {
        url: issued.url,
        secret: issued.secret,
        createdAt: issued.createdAt.toISOString(),
        replaced: issued.replaced,
      },
      201,
    )
  },
)
