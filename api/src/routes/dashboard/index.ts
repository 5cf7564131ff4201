import { createRouter } from '../../lib/create-app.ts'
import { FORM_BODY_MAX_BYTES, limitBody } from '../../middleware/body-limit/index.ts'
import { automationRoutes } from './automations.tsx'
import { fileRoutes } from './files.tsx'
import { notificationRoutes } from './notifications.tsx'
import { overviewRoutes } from './overview.tsx'
import { projectRoutes } from './projects.tsx'
import { reviewRoutes } from './reviews.tsx'
import { viewerFileRoutes } from './viewer-files.tsx'

const formCeiling = limitBody(FORM_BODY_MAX_BYTES, 'The form is too large')

/**
 * The client dashboard: overview, projects (with deliverable downloads) and automations (with pause
 * and resume). Every route requires a signed-in user and reads through the scoped data layer
 * (`src/data/`), so a client sees only its company and another company's id is a 404.
 */
export const dashboard = createRouter()
  // A body ceiling in front of the origin check and write limit of each form post here (pause and
  // resume, notifications, review decisions and comments). Scoped by path, not `/dashboard/*`: the
  // team's uploads (`…/deliverables`, `…/deliverables/<id>/versions`) come later and stream under
  // their own limit.
  .use('/dashboard/automations/*', formCeiling)
  .use('/dashboard/notifications/*', formCeiling)
  .use('/dashboard/projects/:id/deliverables/:deliverableId/versions/:versionId/*', formCeiling)
  .route('/', overviewRoutes)
  .route('/', projectRoutes)
  .route('/', fileRoutes)
  .route('/', automationRoutes)
  .route('/', notificationRoutes)
  .route('/', reviewRoutes)
  .route('/', viewerFileRoutes)
