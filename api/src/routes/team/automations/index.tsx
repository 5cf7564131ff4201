import { createRouter } from '../../../lib/create-app.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash } from '../../../views/dashboard/flash.ts'
import { WebhookSecretPage } from '../../../views/dashboard/webhook-secret-page.tsx'
import { sendNotFound } from '../../dashboard/context.ts'
import { staffPage, staffWriteLimit } from '../limits.ts'
import { issueWebhook } from './issue.ts'

// The studio's form on an automation's page: "Create webhook secret" / "Rotate webhook secret"
// (same origin, the team's write limit, audited). Clients get 404 like any team route.

export const automationPages = createRouter().post(
  '/dashboard/automations/:id/webhook',
  sameOrigin(),
  staffPage,
  staffWriteLimit,
  async (c) => {
    const id = c.req.param('id')
    const issued = await issueWebhook(c, id)
    if (issued.outcome === 'not_found') return sendNotFound(c)
    if (issued.outcome === 'not_configured') {
      setFlash(c, {
        tone: 'error',
        message: 'Run webhooks are not configured on this server (WEBHOOK_SIGNING_KEY); nothing changed.',
      })
      return c.redirect(`/dashboard/automations/${id}`, 303)
    }
    // The secret goes out in this answer only: a page, not a redirect with a flash cookie or a URL.
    return c.html(
      <WebhookSecretPage
        c={c}
        automation={{ id, title: issued.title }}
        url={issued.url}
        secret={issued.secret}
        createdAt={issued.createdAt}
        replaced={issued.replaced}
      />,
    )
  },
)
