import { createApp } from './lib/create-app.ts'
import { loadSession } from './middleware/session/index.ts'
import { recordRequests } from './ops/record.ts'
import { auth } from './routes/auth/index.ts'
import { contact } from './routes/contact/index.tsx'
import { dashboard } from './routes/dashboard/index.ts'
import { health } from './routes/health/index.ts'
import { hooks } from './routes/hooks/index.ts'
import { internal } from './routes/internal/index.ts'
import { profile } from './routes/profile/index.tsx'
import { search } from './routes/search/index.ts'
import { team } from './routes/team/index.ts'
import { unsubscribeRoutes } from './routes/unsubscribe/index.tsx'
import { v1 } from './routes/v1/index.ts'
import { privateNoStore } from './routes/v1/router.ts'
import { vitals } from './routes/vitals/index.ts'

/** The Hono app with every route mounted; `index.ts` exports it as the Worker. */
export const app = createApp()
  // Each request's route, status and duration for the operations view (src/ops/record.ts): first, so
  // it sees the final answer of everything below, errors turned into 500 and 503 included.
  .use(recordRequests())
  // `Cache-Control: private, no-store` on every /api/v1 answer, its errors included (routes/v1/router.ts).
  .use('/api/v1/*', privateNoStore())
  // Engines' run reports need no session, and come before the session's lookup (Hono runs handlers in
  // the order they were added), so a stray cookie cannot cost a query before the signature is checked.
  .route('/', hooks)
  // The site's optional Core Web Vitals beacon: no cookie is read or set, so it too comes first.
  .route('/', vitals)
  // The site's search reads only the static assets (routes/search/): no cookie, no query.
  .route('/', search)
  // Who is signed in, for every route below (no query without a session cookie).
  .use(loadSession())
  .route('/', health)
  .route('/', contact)
  .route('/', auth)
  .route('/', profile)
  .route('/', dashboard)
  .route('/', team)
  .route('/', unsubscribeRoutes)
  .route('/api/v1', v1)
  .route('/', internal)

export type App = typeof app
