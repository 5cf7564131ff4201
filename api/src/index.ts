import { app } from './app.ts'
import type { Bindings } from './env.ts'
import { MAINTENANCE_CRON, runMaintenance } from './maintenance/prune.ts'
import { DIGEST_CRON, runDigest } from './notifications/digest-job.ts'
import { runOpsAlerts } from './ops/alerts.ts'
import { runOutboxDelivery } from './outbox/run.ts'
import { runWebhookDelivery } from './webhooks/outgoing/run.ts'

// Workers call `fetch(request, env, ctx)` for requests (the Hono app) and `scheduled()` for the cron
// triggers in wrangler.toml: the nightly clean-up (`MAINTENANCE_CRON`), the daily notification digest
// (`DIGEST_CRON`, which only queues e-mail: the outbox run delivers it), and for any other trigger
// the outbox, the outgoing webhooks (webhooks/outgoing/) and the operations alerts (ops/alerts.ts),
// every minute (locally the orchestrator fires it every few seconds through `wrangler dev
// --test-scheduled`). Note: workerd refuses named
// exports here that are not handlers, so the constants live in maintenance/prune.ts and
// notifications/digest-job.ts.
export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    const job =
      controller.cron === MAINTENANCE_CRON
        ? runMaintenance(env)
        : controller.cron === DIGEST_CRON
          ? runDigest(env)
          : // Side by side: a slow mail server must not hold up the webhooks, nor the reverse. All three
            // finish before a failure is reported: with the database down the outbox fails at once,
            // and the alerts must still run to the end to tell the admins.
            Promise.allSettled([runOutboxDelivery(env), runWebhookDelivery(env), runOpsAlerts(env)]).then(
              (results) => {
                const failed = results.find((result) => result.status === 'rejected')
                if (failed) throw failed.reason
              },
            )
    ctx.waitUntil(job.then(() => undefined))
  },
} satisfies ExportedHandler<Bindings>
