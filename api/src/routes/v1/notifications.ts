import { createRoute, z } from '@hono/zod-openapi'
import { notificationKind } from '@kairo/db'
import { errorBody } from '../../lib/errors.ts'
import { listNotifications, markAllRead, markRead } from '../../notifications/list.ts'
import { readPreferences, savePreferences } from '../../notifications/preferences.ts'
import { notificationListQuery, PreferencesSchema, preferencesBody } from '../../notifications/schema.ts'
import { auditFor, signedInUser } from '../dashboard/context.ts'
import { notificationWriteLimit } from '../dashboard/notifications.tsx'
import { commonErrors, createV1Router, jsonBody, jsonResponse } from './router.ts'

// `/api/v1/notifications` and `/api/v1/notification-preferences`: the signed-in user's own
// notifications and e-mail choices, the same data functions as the dashboard's page and profile.
// Another user's notification id is 404 and changes nothing.

const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKind.enumValues),
    title: z.string(),
    link: z.string().openapi({ description: 'A dashboard path', example: '/dashboard/projects/…' }),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .openapi('Notification')

const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) })

export const notificationsApi = createV1Router()

notificationsApi.openapi(
  createRoute({
    method: 'get',
    path: '/notifications',
    tags: ['Notifications'],
    summary: "The signed-in user's notifications, newest first (25 a page)",
    request: { query: notificationListQuery },
    responses: {
      200: jsonResponse(
        z.object({
          items: z.array(NotificationSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int().nullable(),
          unread: z.number().int().openapi({ description: 'Unread notifications in all, on every page' }),
        }),
        'One page of notifications',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const list = await listNotifications(c.var.db().db, signedInUser(c).id, c.req.valid('query'))
    const items = list.items.map((item) => ({
      ...item,
      createdAt: item.createdAt.toISOString(),
      readAt: item.readAt?.toISOString() ?? null,
    }))
    return c.json({ ...list, items, unread: c.var.auth?.unreadNotifications ?? 0 }, 200)
  },
)

notificationsApi.openapi(
  createRoute({
    method: 'post',
    path: '/notifications/{id}/read',
    tags: ['Notifications'],
    summary: 'Mark one notification read (`changed` false when it was already)',
    middleware: [notificationWriteLimit] as const,
    request: { params: idParam },
    responses: {
      200: jsonResponse(z.object({ id: z.uuid(), read: z.literal(true), changed: z.boolean() }), 'Read'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const result = await markRead(c.var.db().db, signedInUser(c).id, id)
    if (!result) return c.json(errorBody('not_found', 'No such notification'), 404)
    return c.json({ id, read: true as const, changed: result.changed }, 200)
  },
)

notificationsApi.openapi(
  createRoute({
    method: 'post',
    path: '/notifications/read',
    tags: ['Notifications'],
    summary: 'Mark every notification read',
    middleware: [notificationWriteLimit] as const,
    responses: {
      200: jsonResponse(z.object({ marked: z.number().int() }), 'How many were unread'),
      ...commonErrors,
    },
  }),
  async (c) => c.json({ marked: await markAllRead(c.var.db().db, signedInUser(c).id) }, 200),
)

notificationsApi.openapi(
  createRoute({
    method: 'get',
    path: '/notification-preferences',
    tags: ['Notifications'],
    summary: 'How the signed-in user hears of each kind: immediate, digest or off',
    responses: { 200: jsonResponse(PreferencesSchema, 'Every kind with its choice'), ...commonErrors },
  }),
  async (c) => c.json(await readPreferences(c.var.db().db, signedInUser(c).id), 200),
)

notificationsApi.openapi(
  createRoute({
    method: 'put',
    path: '/notification-preferences',
    tags: ['Notifications'],
    summary: 'Set the choices given (the kinds left out keep theirs; audited when something changed)',
    middleware: [notificationWriteLimit] as const,
    request: { body: jsonBody(preferencesBody) },
    responses: {
      200: jsonResponse(
        z.object({ preferences: PreferencesSchema, changed: z.array(z.string()) }),
        'The choices as they now are, and the kinds that changed',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const result = await savePreferences(c.var.db().db, signedInUser(c).id, c.req.valid('json'), auditFor(c))
    return c.json(result, 200)
  },
)
