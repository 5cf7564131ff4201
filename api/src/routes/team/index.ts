import { createRouter } from '../../lib/create-app.ts'
import { invite } from '../invite/index.tsx'
import { automationPages } from './automations/index.tsx'
import { companyPages } from './companies/index.tsx'
import { deliverablePages } from './deliverables/index.tsx'
import { invitationPages } from './invitations/index.tsx'
import { leadPages } from './leads/index.tsx'
import { outboxPages } from './outbox/index.tsx'
import { projectPages } from './projects/index.tsx'
import { userPages } from './users/index.tsx'

// The studio team's pages (`/dashboard/leads`, `companies` with their projects' forms, `users`,
// `invitations`, the automations' run webhook form; staff only, a client gets 404; `outbox`, admins
// only) and the signed-out invitation acceptance (`/invite/<token>`).
export const team = createRouter()
  .route('/', leadPages)
  .route('/', companyPages)
  .route('/', projectPages)
  .route('/', deliverablePages)
  .route('/', userPages)
  .route('/', invitationPages)
  .route('/', outboxPages)
  .route('/', automationPages)
  .route('/', invite)
