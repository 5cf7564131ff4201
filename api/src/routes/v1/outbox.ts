import { createRoute, z } from '@hono/zod-openapi'
import { listOutboxProblems, retryOutboxMessage } from '../../data/outbox.ts'
import { errorBody } from '../../lib/errors.ts'
import { auditFor, scopeFor } from '../dashboard/context.ts'
import { adminOnly, staffWriteLimit } from '../team/limits.ts'
import { outboxListQuery } from '../team/outbox/schema.ts'
import { commonErrors, createV1Router, jsonResponse } from './router.ts'

// `/api/v1/outbox`: undelivered e-mail as JSON, for admins only (anyone else gets 404, as for a
// route that does not exist). Payloads are never returned: they can hold reset and invitation links.

const OutboxMessageSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    recipient: z.string().nullable(),
    state: z.enum(['dead', 'failing']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    nextAttemptAt: z.iso.datetime().nullable(),
    deadAt: z.iso.datetime().nullable(),
  })
  .openapi('OutboxMessage')

export const outboxApi = createV1Router()

outboxApi.use('/outbox', adminOnly)
outboxApi.use('/outbox/*', adminOnly)

outboxApi.openapi(
  createRoute({
    method: 'get',
    path: '/outbox',
    tags: ['Outbox'],
    summary: 'Undelivered e-mail: dead first, then failing (admin only)',
    request: { query: outboxListQuery },
    responses: {
      200: jsonResponse(
        z.object({
          items: z.array(OutboxMessageSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int().nullable(),
        }),
        'One page of undelivered messages',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const list = await listOutboxProblems(c.var.db().db, scopeFor(c), c.req.valid('query'))
    const items = list.items.map((item) => ({
      ...item,
      createdAt: item.createdAt.toISOString(),
      nextAttemptAt: item.nextAttemptAt?.toISOString() ?? null,
      deadAt: item.deadAt?.toISOString() ?? null,
    }))
    return c.json({ ...list, items }, 200)
  },
)

outboxApi.openapi(
  createRoute({
    method: 'post',
    path: '/outbox/{id}/retry',
    tags: ['Outbox'],
    summary: 'Queue an undelivered message again now, attempts starting over (admin only; audited)',
    middleware: [staffWriteLimit] as const,
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: {
      200: jsonResponse(z.object({ id: z.uuid(), queued: z.literal(true) }), 'Queued again'),
      409: jsonResponse(
        z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        'Already delivered',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const result = await retryOutboxMessage(c.var.db().db, scopeFor(c), id, auditFor(c))
    if (result.ok) return c.json({ id, queued: true as const }, 200)
    if (result.reason === 'not_found') return c.json(errorBody('not_found', 'No such message'), 404)
    return c.json(errorBody('conflict', 'The message was already delivered'), 409)
  },
)
