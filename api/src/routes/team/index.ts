import { createRouter } from '../../lib/create-app.ts'
import { FORM_BODY_MAX_BYTES, limitBody } from '../../middleware/body-limit/index.ts'
import { invite } from '../invite/index.tsx'
import { analyticsPages } from './analytics/index.tsx'
import { automationPages } from './automations/index.tsx'
import { companyPages } from './companies/index.tsx'
import { deliverablePages } from './deliverables/index.tsx'
import { invitationPages } from './invitations/index.tsx'
import { leadPages } from './leads/index.tsx'
import { opsPages } from './ops/index.tsx'
import { outboxPages } from './outbox/index.tsx'
import { projectPages } from './projects/index.tsx'
import { userPages } from './users/index.tsx'
import { secondFactorResetPages } from './users/second-factor-reset.tsx'
import { webhookPages } from './webhooks/index.tsx'

// The studio team's pages (`/dashboard/leads`, `analytics`, `companies` with their projects' forms,
// `users`, `invitations`, the automations' run webhook form; staff only, a client gets 404; `outbox`,
// the outgoing `webhooks` and `ops`, admins only) and the signed-out invitation acceptance
// (`/invite/<token>`).
export const team = createRouter()
  // Uploads stream into the bucket under their own limit (`DELIVERABLE_MAX_BYTES`), so they are
  // mounted before the form ceiling below (Hono runs handlers in the order they were added).
  .route('/', deliverablePages)
  // Every other team form post gets a body ceiling in front of its origin check, role guard and
  // write limit; a page (GET) has no body and passes.
  .use('/dashboard/*', limitBody(FORM_BODY_MAX_BYTES, 'The form is too large'))
  .route('/', leadPages)
  .route('/', analyticsPages)
  .route('/', companyPages)
  .route('/', projectPages)
  .route('/', userPages)
  .route('/', secondFactorResetPages)
  .route('/', invitationPages)
  .route('/', outboxPages)
  .route('/', opsPages)
  .route('/', webhookPages)
  .route('/', automationPages)
  .route('/', invite)
