import { FORM_BODY_MAX_BYTES, limitBody } from '../../middleware/body-limit/index.ts'
import { requireUser } from '../../middleware/session/index.ts'
import { analyticsApi } from './analytics.ts'
import { v1Auth } from './auth.ts'
import { automationEditsApi } from './automation-edits.ts'
import { automationWebhooksApi } from './automation-webhooks.ts'
import { automationsApi } from './automations.ts'
import { companiesApi } from './companies.ts'
import { deliverablesApi } from './deliverables.ts'
import { invitationsApi } from './invitations.ts'
import { leadsApi } from './leads.ts'
import { notificationsApi } from './notifications.ts'
import { opsApi } from './ops.ts'
import { outboxApi } from './outbox.ts'
import { v1Profile } from './profile.ts'
import { projectEditsApi } from './project-edits.ts'
import { projectsApi } from './projects.ts'
import { reviewsApi } from './reviews.ts'
import { createV1Router, jsonOnly } from './router.ts'
import { v1SecondFactor } from './second-factor.ts'
import { usersApi } from './users.ts'
import { webhookEndpointsApi } from './webhook-endpoints.ts'

// `/api/v1`: the dashboard's operations as JSON, with the same authorisation (the same scoped data
// functions) as the HTML pages. Each area is its own router file; mount it below.

export const v1 = createV1Router()

// Deliverable uploads take the raw file, not JSON, so they come before `jsonOnly` (see deliverables.ts).
v1.route('/', deliverablesApi)
// Every other write: a body ceiling in front of everything that reads a body or counts a request (the
// rate limits), then JSON only (415 otherwise; see `jsonOnly`).
v1.use('*', limitBody(FORM_BODY_MAX_BYTES))
v1.use('*', jsonOnly())
// The document describes the API; it is public (it holds no data).
v1.doc31('/openapi.json', {
  openapi: '3.1.0',
  info: {
    title: 'Kairo dashboard API',
    version: '1.0.0',
    description:
      'The client dashboard as JSON. Authenticate with the session cookie set by POST /api/v1/session (or the sign-in page). ' +
      'Errors have one shape: { error: { code, message, fields? } }.',
  },
  // Paths below are relative to where this router is mounted.
  servers: [{ url: '/api/v1' }],
})
// Signing in (POST /session) cannot require a session, so the session routes come before the guard:
// Hono runs handlers in the order they were added, and these answer without calling the guard.
v1.route('/', v1Auth)
v1.route('/', v1SecondFactor)
v1.use('*', requireUser())
v1.route('/', v1Profile)
// The client dashboard's areas (scoped: a client sees its company, the studio every company).
v1.route('/', projectsApi)
v1.route('/', automationsApi)
v1.route('/', notificationsApi)
v1.route('/', reviewsApi)
// The studio team's areas (each checks the role itself: a client gets 404).
v1.route('/', leadsApi)
v1.route('/', analyticsApi)
v1.route('/', companiesApi)
v1.route('/', projectEditsApi)
v1.route('/', usersApi)
v1.route('/', invitationsApi)
v1.route('/', outboxApi)
v1.route('/', opsApi)
v1.route('/', automationWebhooksApi)
v1.route('/', webhookEndpointsApi)
v1.route('/', automationEditsApi)
