import { createRoute, z } from '@hono/zod-openapi'
import {
  createInvitation,
  INVITATION_STATUSES,
  listInvitations,
  revokeInvitation,
} from '../../data/invitations.ts'
import { errorBody } from '../../lib/errors.ts'
import { publicOrigin } from '../../lib/negotiate.ts'
import { auditFor, scopeFor, signedInUser } from '../dashboard/context.ts'
import { invitationInput, invitationListQuery } from '../team/invitations/schema.ts'
import { invitationLimit, staffOnly, staffWriteLimit } from '../team/limits.ts'
import { commonErrors, createV1Router, jsonBody, jsonResponse } from './router.ts'

// `/api/v1/invitations`: the invitations pages as JSON, for studio staff (a client gets 404). The
// accept link is only ever in the e-mail (the outbox), never in an API answer.

const InvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'team', 'client']),
    companyId: z.uuid().nullable(),
    companyName: z.string().nullable(),
    invitedByName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    status: z.enum(INVITATION_STATUSES),
  })
  .openapi('Invitation')

export const invitationsApi = createV1Router()

invitationsApi.use('/invitations', staffOnly)
invitationsApi.use('/invitations/*', staffOnly)

invitationsApi.openapi(
  createRoute({
    method: 'get',
    path: '/invitations',
    tags: ['Invitations'],
    summary: 'Invitations, newest first, optionally of one status',
    request: { query: invitationListQuery },
    responses: {
      200: jsonResponse(
        z.object({
          items: z.array(InvitationSchema),
          page: z.number().int(),
          pageSize: z.number().int(),
          total: z.number().int().nullable(),
        }),
        'One page of invitations',
      ),
      ...commonErrors,
    },
  }),
  async (c) => c.json(await listInvitations(c.var.db().db, scopeFor(c), c.req.valid('query')), 200),
)

invitationsApi.openapi(
  createRoute({
    method: 'post',
    path: '/invitations',
    tags: ['Invitations'],
    summary: 'Invite an email address (the e-mail goes through the outbox; audited)',
    description:
      'A client invitation needs companyId. Only an admin may invite the team or admin roles. An email ' +
      'that already has an account or a pending invitation is a field error.',
    middleware: [invitationLimit] as const,
    request: { body: jsonBody(invitationInput) },
    responses: { 201: jsonResponse(InvitationSchema, 'The new invitation'), ...commonErrors },
  }),
  async (c) => {
    const origin = publicOrigin(c)
    const result = await createInvitation(
      c.var.db().db,
      scopeFor(c),
      signedInUser(c),
      c.req.valid('json'),
      { origin },
      auditFor(c),
    )
    if (!result.ok)
      return c.json(errorBody('invalid_input', 'Some fields need attention', result.fields), 422)
    return c.json(result.invitation, 201)
  },
)

invitationsApi.openapi(
  createRoute({
    method: 'delete',
    path: '/invitations/{id}',
    tags: ['Invitations'],
    summary: 'Revoke an invitation that was not accepted (audited)',
    description:
      'Only an admin may revoke an invitation to the team or admin roles (as only an admin may send one).',
    middleware: [staffWriteLimit] as const,
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: {
      200: jsonResponse(InvitationSchema, 'The revoked invitation'),
      403: jsonResponse(
        z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        'A staff invitation, and the caller is not an admin',
      ),
      409: jsonResponse(
        z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        'Already accepted or revoked',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const result = await revokeInvitation(c.var.db().db, scopeFor(c), signedInUser(c), id, auditFor(c))
    if (result.ok) return c.json(result.invitation, 200)
    if (result.reason === 'not_found') return c.json(errorBody('not_found', 'No such invitation'), 404)
    if (result.reason === 'forbidden') {
      return c.json(
        errorBody('forbidden', 'Only an admin can revoke an invitation for a team member or admin'),
        403,
      )
    }
    return c.json(errorBody('conflict', `The invitation is already ${result.status ?? 'closed'}`), 409)
  },
)
