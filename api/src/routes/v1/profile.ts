import { createRoute, z } from '@hono/zod-openapi'
import {
  changeEmail,
  changePassword,
  endAllSessions,
  endSession,
  listSessions,
  renameUser,
} from '../../auth/account.ts'
import { clearSessionCookie } from '../../auth/cookie.ts'
import { errorBody } from '../../lib/errors.ts'
import { newEmailField } from '../auth/schema.ts'
import { currentPasswordLimit, profileWriteLimit } from '../profile/index.tsx'
import {
  currentPasswordField,
  nameField,
  passwordChangeSchema,
  sessionHandleField,
} from '../profile/schema.ts'
import { MeSchema } from './auth.ts'
import { commonErrors, createV1Router, ErrorSchema } from './router.ts'

// `/api/v1/me`: the profile as JSON, the same operations as /dashboard/profile (`auth/account.ts`),
// always on the signed-in user (mounted after the v1 router's `requireUser()`).

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } })

const SessionSchema = z
  .object({
    handle: z.string().openapi({ description: 'Identifies the session for DELETE /me/sessions/{handle}' }),
    createdAt: z.iso.datetime(),
    lastActiveAt: z.iso.datetime(),
    ip: z.string().nullable(),
    device: z.string().openapi({ example: 'Firefox on Linux' }),
    current: z.boolean(),
  })
  .openapi('Session')

const ProfileUpdateSchema = z
  .object({
    name: nameField.optional(),
    email: newEmailField.optional(),
    currentPassword: currentPasswordField.optional().openapi({ description: 'Required to change the email' }),
  })
  .refine((body) => body.email === undefined || body.currentPassword !== undefined, {
    path: ['currentPassword'],
    message: 'Enter your current password to change your email address',
  })
  .openapi('ProfileUpdate')

const tooMany = { 429: { description: 'Too many requests', content: json(ErrorSchema) } } as const

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Profile'],
  summary: 'The signed-in user',
  responses: {
    200: { description: 'The user', content: json(z.object({ user: MeSchema })) },
    401: commonErrors[401],
  },
})

const updateRoute = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['Profile'],
  summary: 'Change your name or email',
  description: 'An email change needs `currentPassword`; the old address is told of it.',
  middleware: [profileWriteLimit(), currentPasswordLimit()],
  request: { body: { content: json(ProfileUpdateSchema), required: true } },
  responses: {
    200: { description: 'The updated user', content: json(z.object({ user: MeSchema })) },
    401: commonErrors[401],
    422: commonErrors[422],
    ...tooMany,
  },
})

const passwordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  tags: ['Profile'],
  summary: 'Change your password',
  description:
    'Needs the current password; the new one must pass the password policy. Ends every other session.',
  middleware: [profileWriteLimit(), currentPasswordLimit()],
  request: { body: { content: json(passwordChangeSchema), required: true } },
  responses: {
    200: { description: 'Changed', content: json(z.object({ endedSessions: z.number().int() })) },
    401: commonErrors[401],
    422: commonErrors[422],
    ...tooMany,
  },
})

const sessionsRoute = createRoute({
  method: 'get',
  path: '/me/sessions',
  tags: ['Profile'],
  summary: 'Your active sessions',
  responses: {
    200: {
      description: 'Most recently active first',
      content: json(z.object({ sessions: z.array(SessionSchema) })),
    },
    401: commonErrors[401],
  },
})

const endSessionRoute = createRoute({
  method: 'delete',
  path: '/me/sessions/{handle}',
  tags: ['Profile'],
  summary: 'Sign out one session',
  description: 'Ending the current session also clears its cookie.',
  middleware: [profileWriteLimit()],
  request: {
    params: z.object({ handle: sessionHandleField.openapi({ param: { name: 'handle', in: 'path' } }) }),
  },
  responses: {
    204: { description: 'Signed out' },
    401: commonErrors[401],
    404: commonErrors[404],
    422: commonErrors[422],
    ...tooMany,
  },
})

const endAllRoute = createRoute({
  method: 'delete',
  path: '/me/sessions',
  tags: ['Profile'],
  summary: 'Sign out everywhere',
  description: 'Ends every session of the user, the current one included, and clears the cookie.',
  middleware: [profileWriteLimit()],
  responses: {
    200: { description: 'Signed out', content: json(z.object({ endedSessions: z.number().int() })) },
    401: commonErrors[401],
    ...tooMany,
  },
})

function me(user: {
  id: string
  email: string
  name: string
  role: 'admin' | 'team' | 'client'
  companyId: string | null
}) {
  const { id, email, name, role, companyId } = user
  return { user: { id, email, name, role, companyId } }
}

export const v1Profile = createV1Router()
  .openapi(meRoute, (c) => {
    const auth = c.var.auth
    if (!auth) return c.json(errorBody('unauthorized', 'Sign in to continue'), 401)
    return c.json(me(auth.user), 200)
  })
  .openapi(updateRoute, async (c) => {
    const auth = c.var.auth
    if (!auth) return c.json(errorBody('unauthorized', 'Sign in to continue'), 401)
    const body = c.req.valid('json')
    if (body.email !== undefined && body.currentPassword !== undefined) {
      const result = await changeEmail(c, { email: body.email, currentPassword: body.currentPassword })
      if (!result.ok) {
        return c.json(
          errorBody('invalid_input', 'Some fields need attention', { [result.field]: result.message }),
          422,
        )
      }
    }
    if (body.name !== undefined) await renameUser(c, body.name)
    return c.json(me(auth.user), 200)
  })
  .openapi(passwordRoute, async (c) => {
    const result = await changePassword(c, c.req.valid('json'))
    if (!result.ok) {
      return c.json(
        errorBody('invalid_input', 'Some fields need attention', { [result.field]: result.message }),
        422,
      )
    }
    return c.json({ endedSessions: result.endedSessions }, 200)
  })
  .openapi(sessionsRoute, async (c) => {
    const sessions = await listSessions(c)
    return c.json(
      {
        sessions: sessions.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastActiveAt: s.lastActiveAt.toISOString(),
        })),
      },
      200,
    )
  })
  .openapi(endSessionRoute, async (c) => {
    const ended = await endSession(c, c.req.valid('param').handle)
    if (ended === 'not_found') return c.json(errorBody('not_found', 'No such session'), 404)
    if (ended === 'current') clearSessionCookie(c)
    return c.body(null, 204)
  })
  .openapi(endAllRoute, async (c) => {
    const endedSessions = await endAllSessions(c)
    clearSessionCookie(c)
    return c.json({ endedSessions }, 200)
  })
