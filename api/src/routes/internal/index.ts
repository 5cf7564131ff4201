import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { pipelineToken } from './auth.ts'
import { modelJobRoutes } from './model-jobs.ts'

/**
 * Routes for Kairo's own services, not for browsers: `/internal/model-jobs` (the 3D pipeline
 * worker). Every one needs the bearer token `PIPELINE_TOKEN`.
 */
export const internal = createRouter()
  .use('/internal/*', pipelineToken())
  .route('/internal/model-jobs', modelJobRoutes)
  // Callers are programs: an unknown route answers in the JSON error shape, not the browser's page.
  .all('/internal/*', (c) =>
    c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404),
  )
