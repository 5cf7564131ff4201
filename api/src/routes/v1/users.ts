import { createRoute, z } from '@hono/zod-openapi'
import { resetSecondFactor, SECOND_FACTOR_RESET_MESSAGES } from '../../auth/second-factor-reset.ts'
import {
  changeUserRole,
  listUsers,
  setUserDisabled,
  USER_CHANGE_MESSAGES,
  type UserChangeError,
  type UserChangeResult,
} from '../../data/users.ts'
import { errorBody } from '../../lib/errors.ts'
import { auditFor, scopeFor, signedInUser } from '../dashboard/context.ts'
import { adminOnly, staffOnly, staffWriteLimit } from '../team/limits.ts'
import { userListQuery, userPatchInput } from '../team/users/schema.ts'
import { commonErrors, createV1Router } from './router.ts'

// `/api/v1/users`: accounts as JSON. Studio staff list them; only an admin changes one (anyone else
// gets 404, as for a route that does not exist).

const UserSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'team', 'client']),
    companyId: z.uuid().nullable(),
    companyName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    disabledAt: z.iso.datetime().nullable(),
  })
  .openapi('User')

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

export const usersApi = createV1Router()

usersApi.use('/users', staffOnly)
usersApi.use('/users/*', staffOnly)

usersApi.openapi(
  createRoute({
    method: 'get',
    path: '/users',
    tags: ['Users'],
    summary: 'Accounts: staff first, then client users, by name',
    request: { query: userListQuery },
    responses: {
      200: json(
        z.object({
          items: z.array(UserSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int().nullable(),
        }),
        'One page of accounts',
      ),
      ...commonErrors,
    },
  }),
  async (c) => c.json(await listUsers(c.var.db().db, scopeFor(c), c.req.valid('query')), 200),
)

usersApi.openapi(
  createRoute({
    method: 'patch',
    path: '/users/{id}',
    tags: ['Users'],
    summary: 'Change a role or disable/enable an account (admin only; audited)',
    description:
      'Disabling ends every session of the account. Refused with 422: demoting or disabling the last ' +
      'enabled admin, disabling your own account, making a client of an account without a company.',
    middleware: [adminOnly, staffWriteLimit] as const,
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
      body: { required: true, content: { 'application/json': { schema: userPatchInput } } },
    },
    responses: { 200: json(UserSchema, 'The account after the change'), ...commonErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const scope = scopeFor(c)
    const audit = auditFor(c)
    try {
      // Both changes in one transaction (each function's own becomes a savepoint): a refused second
      // change undoes the first, so the request is all or nothing.
      const user = await c.var.db().db.transaction(async (tx) => {
        let result: UserChangeResult | undefined
        if (input.role) {
          result = await changeUserRole(tx, scope, id, input.role, audit)
          if (!result.ok) throw new Refused(result.reason, 'role')
        }
        if (input.disabled !== undefined) {
          result = await setUserDisabled(tx, scope, signedInUser(c).id, id, input.disabled, audit)
          if (!result.ok) throw new Refused(result.reason, 'disabled')
        }
        if (!result?.ok) throw new Error('users: PATCH validated without a change to make')
        return result.user
      })
      return c.json(user, 200)
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      if (error.reason === 'not_found') return c.json(errorBody('not_found', 'No such user'), 404)
      const message = USER_CHANGE_MESSAGES[error.reason]
      return c.json(errorBody('invalid_input', message, { [error.field]: message }), 422)
    }
  },
)

usersApi.openapi(
  createRoute({
    method: 'post',
    path: '/users/{id}/second-factor/reset',
    tags: ['Users'],
    summary: 'Reset the second factor of someone who lost it (admin only; audited)',
    description:
      'Removes the authenticator app, its recovery codes and every passkey, and ends every session and ' +
      'pending sign-in of the account; the password stays and the person is told by e-mail. Check who ' +
      'is asking by another way than e-mail first. Refused with 422 for your own account or an account ' +
      'without a second factor. Send Content-Type: application/json (the body is ignored).',
    middleware: [adminOnly, staffWriteLimit] as const,
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: {
      200: json(
        z
          .object({ totp: z.boolean(), passkeys: z.number().int(), sessionsEnded: z.number().int() })
          .openapi('SecondFactorReset'),
        'What was removed',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const db = c.var.db().db
    const result = await resetSecondFactor(db, scopeFor(c), signedInUser(c).id, id, auditFor(c))
    if (result.ok) {
      const { totp, passkeys, sessionsEnded } = result
      return c.json({ totp, passkeys, sessionsEnded }, 200)
    }
    if (result.reason === 'not_found') return c.json(errorBody('not_found', 'No such user'), 404)
    return c.json(errorBody('invalid_input', SECOND_FACTOR_RESET_MESSAGES[result.reason]), 422)
  },
)

/** A refused change, thrown to roll the PATCH's transaction back. */
class Refused extends Error {
  readonly reason: UserChangeError
  readonly field: 'role' | 'disabled'
  constructor(reason: UserChangeError, field: 'role' | 'disabled') {
    super(`users: change refused (${reason})`)
    this.reason = reason
    this.field = field
  }
}
