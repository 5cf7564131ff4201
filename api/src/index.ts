import { app } from './app.ts'

// Workers call the default export's `fetch(request, env, ctx)`; a Hono app is such an object.
export default app
