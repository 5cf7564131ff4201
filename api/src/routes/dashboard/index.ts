import { createRouter } from '../../lib/create-app.ts'
import { automationRoutes } from './automations.tsx'
import { fileRoutes } from './files.tsx'
import { notificationRoutes } from './notifications.tsx'
import { overviewRoutes } from './overview.tsx'
import { projectRoutes } from './projects.tsx'
import { reviewRoutes } from './reviews.tsx'
import { viewerFileRoutes } from './viewer-files.tsx'

/**
 * The client dashboard: overview, projects (with deliverable downloads) and automations (with pause
 * and resume). Every route requires a signed-in user and reads through the scoped data layer
 * (`src/data/`), so a client sees only its company and another company's id is a 404.
 */
export const dashboard = createRouter()
  .route('/', overviewRoutes)
  .route('/', projectRoutes)
  .route('/', fileRoutes)
  .route('/', automationRoutes)
  .route('/', notificationRoutes)
  .route('/', reviewRoutes)
  .route('/', viewerFileRoutes)
