import { app } from './app.ts'
import type { Bindings } from './env.ts'
import { runMaintenance } from './maintenance/prune.ts'

// Workers call `fetch(request, env, ctx)` for requests (the Hono app) and `scheduled()` for the cron
// triggers in wrangler.toml (the nightly clean-up).
export default {
  fetch: app.fetch,
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(runMaintenance(env).then(() => undefined))
  },
} satisfies ExportedHandler<Bindings>
