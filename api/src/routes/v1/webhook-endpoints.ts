import { createRoute, z } from '@hono/zod-openapi'
import { webhookEventType } from '@kairo/db'
import type { MiddlewareHandler } from 'hono'
import {
  type AttemptRecord,
  type DeliverySummary,
  deleteEndpoint,
  type EndpointRecord,
  getDelivery,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  setEndpointPaused,
  updateEndpoint,
} from '../../data/webhook-endpoints.ts'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'
import { deliveryBody } from '../../webhooks/outgoing/send.ts'
import { auditFor, scopeFor } from '../dashboard/context.ts'
import { adminOnly, staffWriteLimit } from '../team/limits.ts'
import {
  describeAttempt,
  isProduction,
  registerEndpoint,
  rotateSecret,
  sendAgain,
} from '../team/webhooks/actions.ts'
import {
  deliveryListQuery,
  endpointInput,
  endpointPatch,
  endpointUrlMessage,
} from '../team/webhooks/schema.ts'
import { IdParam } from './projects.ts'
import { commonErrors, createV1Router, ErrorSchema, jsonBody, jsonResponse } from './router.ts'

// `/api/v1/webhook-endpoints`: the team's outgoing webhook pages as JSON, for admins only (anyone
// else gets the 404 of a route that does not exist). A secret is in the answer that made it only.

/**
 * Every write here declares JSON, a body or not: a cross-site form or a `fetch` without a content
 * type needs no CORS preflight, so "no content type" must not pass where a write acts on a cookie.
 */
const jsonContentType: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    return c.json(
      errorBody('unsupported_media_type', 'Send the request with Content-Type: application/json'),
      415,
    )
  }
  await next()
}

const EventTypeSchema = z.enum(webhookEventType.enumValues).openapi('WebhookEventType')

const EndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    events: z.array(EventTypeSchema),
    paused: z.boolean(),
    pausedAt: z.iso.datetime().nullable(),
    secretCreatedAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    pending: z.number().int().openapi({ description: 'Deliveries waiting for an attempt' }),
    dead: z.number().int().openapi({ description: 'Deliveries given up on' }),
    lastDeliveredAt: z.iso.datetime().nullable(),
  })
  .openapi('WebhookEndpoint')

const EndpointWithSecretSchema = EndpointSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret; shown in this answer only' }),
}).openapi('WebhookEndpointWithSecret')

const AttemptSchema = z
  .object({
    at: z.iso.datetime(),
    manual: z.boolean().openapi({ description: 'True for a "send again"' }),
    ok: z.boolean(),
    statusCode: z.number().int().nullable().openapi({ description: 'Null when no answer came' }),
    excerpt: z.string().openapi({ description: "The answer's first characters, or why none came" }),
    durationMs: z.number().int(),
  })
  .openapi('WebhookAttempt')

const DeliverySchema = z
  .object({
    id: z.uuid().openapi({ description: 'The Kairo-Delivery header' }),
    eventId: z.uuid().openapi({ description: "The body's id, shared by every endpoint's copy" }),
    eventType: EventTypeSchema,
    createdAt: z.iso.datetime(),
    state: z.enum(['delivered', 'dead', 'failing', 'pending']),
    attempts: z.number().int().openapi({ description: "The delivery job's attempts" }),
    nextAttemptAt: z.iso.datetime().nullable(),
    lastAttempt: AttemptSchema.nullable(),
  })
  .openapi('WebhookDelivery')

const DeliveryDetailSchema = DeliverySchema.extend({
  body: z
    .object({
      id: z.uuid(),
      type: EventTypeSchema,
      createdAt: z.iso.datetime(),
      data: z.record(z.string(), z.unknown()),
    })
    .openapi({ description: 'The body as sent (on one line)' }),
  log: z.array(AttemptSchema).openapi({ description: 'Every attempt, newest first' }),
}).openapi('WebhookDeliveryDetail')

const DeliveryParams = IdParam.extend({
  deliveryId: z
    .uuid({ message: 'Must be a UUID' })
    .openapi({ param: { name: 'deliveryId', in: 'path' }, format: 'uuid' }),
})

const iso = (date: Date | null) => date?.toISOString() ?? null

function endpointJson(endpoint: EndpointRecord) {
  return {
    ...endpoint,
    paused: endpoint.pausedAt !== null,
    pausedAt: iso(endpoint.pausedAt),
    secretCreatedAt: endpoint.secretCreatedAt.toISOString(),
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
    lastDeliveredAt: iso(endpoint.lastDeliveredAt),
  }
}

const attemptJson = (attempt: AttemptRecord) => ({ ...attempt, at: attempt.at.toISOString() })

function deliveryJson(delivery: DeliverySummary) {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    createdAt: delivery.createdAt.toISOString(),
    state: delivery.state,
    attempts: delivery.attempts,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    lastAttempt: delivery.lastAttempt ? attemptJson(delivery.lastAttempt) : null,
  }
}

const noEndpoint = errorBody('not_found', 'No such webhook endpoint')
const notConfigured = errorBody(
  'webhooks_not_configured',
  'Outgoing webhooks are not configured on this server (WEBHOOK_SIGNING_KEY)',
)
const invalidUrl = (message: string) =>
  errorBody('invalid_input', 'Some fields need attention', { url: message })

const writeErrors = {
  ...commonErrors,
  415: jsonResponse(ErrorSchema, 'Not sent as application/json'),
  429: jsonResponse(ErrorSchema, 'Too many writes; see Retry-After'),
}
const TAGS = ['Webhooks']

export const webhookEndpointsApi = createV1Router()

webhookEndpointsApi.use('/webhook-endpoints', adminOnly, jsonContentType)
webhookEndpointsApi.use('/webhook-endpoints/*', adminOnly, jsonContentType)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'get',
    path: '/webhook-endpoints',
    tags: TAGS,
    summary: 'Outgoing webhook endpoints, oldest first (admin only)',
    responses: {
      200: jsonResponse(z.object({ items: z.array(EndpointSchema) }), 'Every endpoint'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const endpoints = await listEndpoints(c.var.db().db, scopeFor(c))
    return c.json({ items: endpoints.map(endpointJson) }, 200)
  },
)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'post',
    path: '/webhook-endpoints',
    tags: TAGS,
    summary: 'Register an endpoint; the answer holds its signing secret, once (admin only; audited)',
    description:
      'In production the URL must be https and public: private, loopback, link-local, CGNAT, unique-local ' +
      'and metadata addresses, and local names (localhost, *.local, *.internal), are refused (422, fields.url).',
    middleware: [staffWriteLimit] as const,
    request: { body: jsonBody(endpointInput) },
    responses: {
      201: jsonResponse(EndpointWithSecretSchema, 'The endpoint and its secret'),
      ...writeErrors,
      503: jsonResponse(ErrorSchema, 'Webhooks are not configured on this server'),
    },
  }),
  async (c) => {
    const input = c.req.valid('json')
    const problem = endpointUrlMessage(input.url, isProduction(c))
    if (problem) return c.json(invalidUrl(problem), 422)
    const registered = await registerEndpoint(c, input)
    if (registered.outcome === 'not_configured') return c.json(notConfigured, 503)
    const endpoint = await getEndpoint(c.var.db().db, scopeFor(c), registered.id)
    if (!endpoint) throw new Error('webhook endpoints: the new endpoint is not visible')
    c.header('Cache-Control', 'no-store')
    return c.json({ ...endpointJson(endpoint), secret: registered.secret }, 201)
  },
)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'get',
    path: '/webhook-endpoints/{id}',
    tags: TAGS,
    summary: 'One endpoint (admin only)',
    request: { params: IdParam },
    responses: { 200: jsonResponse(EndpointSchema, 'The endpoint'), ...commonErrors },
  }),
  async (c) => {
    const endpoint = await getEndpoint(c.var.db().db, scopeFor(c), c.req.valid('param').id)
    if (!endpoint) return c.json(noEndpoint, 404)
    return c.json(endpointJson(endpoint), 200)
  },
)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'patch',
    path: '/webhook-endpoints/{id}',
    tags: TAGS,
    summary: 'Change the URL, description or events (admin only; audited)',
    middleware: [staffWriteLimit] as const,
    request: { params: IdParam, body: jsonBody(endpointPatch) },
    responses: { 200: jsonResponse(EndpointSchema, 'The endpoint as saved'), ...writeErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const patch = c.req.valid('json')
    const db = c.var.db().db
    const current = await getEndpoint(db, scopeFor(c), id)
    if (!current) return c.json(noEndpoint, 404)
    const input = {
      url: patch.url ?? current.url,
      description: patch.description ?? current.description,
      events: patch.events ?? current.events,
    }
    const problem = patch.url === undefined ? null : endpointUrlMessage(input.url, isProduction(c))
    if (problem) return c.json(invalidUrl(problem), 422)
    const result = await updateEndpoint(db, scopeFor(c), id, input, auditFor(c))
    const saved = result.ok ? await getEndpoint(db, scopeFor(c), id) : null
    if (!saved) return c.json(noEndpoint, 404)
    return c.json(endpointJson(saved), 200)
  },
)

for (const [action, paused] of [
  ['pause', true],
  ['enable', false],
] as const) {
  webhookEndpointsApi.openapi(
    createRoute({
      method: 'post',
      path: `/webhook-endpoints/{id}/${action}`,
      tags: TAGS,
      summary: paused
        ? 'Pause an endpoint: no new events are queued, waiting deliveries wait (admin only; audited)'
        : 'Enable a paused endpoint (admin only; audited)',
      description: 'Send Content-Type: application/json (the body is ignored).',
      middleware: [staffWriteLimit] as const,
      request: { params: IdParam },
      responses: { 200: jsonResponse(EndpointSchema, 'The endpoint'), ...writeErrors },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const db = c.var.db().db
      const result = await setEndpointPaused(db, scopeFor(c), id, paused, auditFor(c))
      const endpoint = result.ok ? await getEndpoint(db, scopeFor(c), id) : null
      if (!endpoint) return c.json(noEndpoint, 404)
      return c.json(endpointJson(endpoint), 200)
    },
  )
}

webhookEndpointsApi.openapi(
  createRoute({
    method: 'post',
    path: '/webhook-endpoints/{id}/secret',
    tags: TAGS,
    summary: 'Rotate the signing secret; the answer holds the new one, once (admin only; audited)',
    description: 'Send Content-Type: application/json (the body is ignored).',
    middleware: [staffWriteLimit] as const,
    request: { params: IdParam },
    responses: {
      201: jsonResponse(
        z.object({ secret: z.string(), createdAt: z.iso.datetime() }).openapi('WebhookEndpointSecret'),
        'The new secret',
      ),
      ...writeErrors,
      503: jsonResponse(ErrorSchema, 'Webhooks are not configured on this server'),
    },
  }),
  async (c) => {
    const rotated = await rotateSecret(c, c.req.valid('param').id)
    if (rotated.outcome === 'not_found') return c.json(noEndpoint, 404)
    if (rotated.outcome === 'not_configured') return c.json(notConfigured, 503)
    c.header('Cache-Control', 'no-store')
    return c.json({ secret: rotated.secret, createdAt: rotated.createdAt.toISOString() }, 201)
  },
)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'delete',
    path: '/webhook-endpoints/{id}',
    tags: TAGS,
    summary: 'Delete an endpoint with its deliveries and their log (admin only; audited)',
    description: 'Send Content-Type: application/json.',
    middleware: [staffWriteLimit] as const,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...writeErrors },
  }),
  async (c) => {
    const result = await deleteEndpoint(c.var.db().db, scopeFor(c), c.req.valid('param').id, auditFor(c))
    if (!result.ok) return c.json(noEndpoint, 404)
    return c.body(null, 204)
  },
)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'get',
    path: '/webhook-endpoints/{id}/deliveries',
    tags: TAGS,
    summary: "An endpoint's delivery log, newest first, 25 a page, each with its latest attempt (admin only)",
    request: { params: IdParam, query: deliveryListQuery },
    responses: {
      200: jsonResponse(
        z.object({
          items: z.array(DeliverySchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int().nullable(),
        }),
        'One page of deliveries',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.db().db
    const endpoint = await getEndpoint(db, scopeFor(c), id)
    if (!endpoint) return c.json(noEndpoint, 404)
    const list = await listDeliveries(db, scopeFor(c), id, c.req.valid('query'))
    return c.json({ ...list, items: list.items.map(deliveryJson) }, 200)
  },
)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'get',
    path: '/webhook-endpoints/{id}/deliveries/{deliveryId}',
    tags: TAGS,
    summary: 'One delivery with its body and every attempt (admin only)',
    request: { params: DeliveryParams },
    responses: { 200: jsonResponse(DeliveryDetailSchema, 'The delivery'), ...commonErrors },
  }),
  async (c) => {
    const { id, deliveryId } = c.req.valid('param')
    const delivery = await getDelivery(c.var.db().db, scopeFor(c), id, deliveryId)
    if (!delivery) return c.json(errorBody('not_found', 'No such delivery'), 404)
    return c.json(
      {
        ...deliveryJson(delivery),
        body: JSON.parse(deliveryBody(delivery)),
        log: delivery.attemptLog.map(attemptJson),
      },
      200,
    )
  },
)

webhookEndpointsApi.openapi(
  createRoute({
    method: 'post',
    path: '/webhook-endpoints/{id}/deliveries/{deliveryId}/send',
    tags: TAGS,
    summary:
      'Send a delivery again now, whatever its state, and answer with the result (admin only; audited)',
    description:
      'One attempt in this request (up to 10 s), logged as manual. A success marks an undelivered delivery ' +
      "delivered; a failure leaves the delivery job's schedule as it was. Send Content-Type: application/json.",
    middleware: [staffWriteLimit] as const,
    request: { params: DeliveryParams },
    responses: {
      200: jsonResponse(
        z
          .object({
            attempt: AttemptSchema.omit({ at: true, manual: true }),
            summary: z.string().openapi({ description: 'The result in words' }),
          })
          .openapi('WebhookSendAgain'),
        'The attempt was made (look at attempt.ok)',
      ),
      ...writeErrors,
      503: jsonResponse(ErrorSchema, 'Webhooks are not configured on this server'),
    },
  }),
  async (c) => {
    const { id, deliveryId } = c.req.valid('param')
    const sent = await sendAgain(c, id, deliveryId)
    if (sent.outcome === 'not_found') return c.json(errorBody('not_found', 'No such delivery'), 404)
    if (sent.outcome === 'not_configured') return c.json(notConfigured, 503)
    const { ok, statusCode, excerpt, durationMs } = sent.result
    return c.json(
      { attempt: { ok, statusCode, excerpt, durationMs }, summary: describeAttempt(sent.result) },
      200,
    )
  },
)
