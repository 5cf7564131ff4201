import type { Context } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import {
  changeAutomationState,
  getAutomation,
  listAutomations,
  RUN_HISTORY_LIMIT,
  type StateChange,
} from '../../data/automations.ts'
import { seesAllCompanies } from '../../data/scope.ts'
import type { AppEnv } from '../../env.ts'
import { clientNetwork } from '../../lib/client-network.ts'
import { createRouter } from '../../lib/create-app.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { AutomationPage } from '../../views/dashboard/automation-page.tsx'
import { AutomationStatePage, stateMessage } from '../../views/dashboard/automation-state-page.tsx'
import { AutomationsPage } from '../../views/dashboard/automations-page.tsx'
import { setFlash, takeFlash } from '../../views/dashboard/flash.ts'
import type { FlowFailure } from '../../views/dashboard/flow-editor.tsx'
import { webhookSigningKeyOf } from '../../webhooks/keys.ts'
import { cachedRead, dashboardPage, scopeFor, sendNotFound, signedInUser } from './context.ts'

/**
 * Pause and resume are cheap to call and each writes an audit line: a per-account limit keeps a
 * script (or a stuck key) from flooding the log. Shared with the JSON API.
 */
export function automationStateLimit() {
  return rateLimit({
    limit: 30,
    windowSeconds: 10 * 60,
    prefix: 'automation-state',
    key: (c) => c.var.auth?.user.id ?? clientNetwork(c),
  })
}

/**
 * The automation's page in one statement (404 when out of scope), with its last 30 days as charts.
 * Studio staff also get the flow's editor and the run webhook section; `failed` re-renders it with a
 * refused flow form's messages and input (422, or 409 when the form was out of date).
 */
export async function renderAutomation(
  c: Context<AppEnv>,
  id: string,
  failed?: { failure: FlowFailure; status: 409 | 422 },
) {
  const scope = scopeFor(c)
  const automation = await getAutomation(c.var.db().db, scope, id, RUN_HISTORY_LIMIT, { stats: true })
  if (!automation) return sendNotFound(c)
  // The run webhook and the flow are the studio's to manage (a webhook's secret must never reach a client).
  const staff = seesAllCompanies(scope)
  const webhook = staff
    ? { configured: webhookSigningKeyOf(c.env) !== null, createdAt: automation.webhookCreatedAt }
    : undefined
  return c.html(
    <AutomationPage
      c={c}
      automation={automation}
      showCompany={staff}
      flash={takeFlash(c)}
      webhook={webhook}
      manage={staff}
      failed={failed?.failure}
    />,
    failed?.status ?? 200,
  )
}

/** The confirmation page (GET) for pausing or resuming. */
async function confirmPage(c: Context<AppEnv>, change: StateChange) {
  const automation = await getAutomation(c.var.db().db, scopeFor(c), c.req.param('id') ?? '', 0)
  if (!automation) return sendNotFound(c)
  return c.html(<AutomationStatePage c={c} automation={automation} change={change} />)
}

/** Performs the change (POST) and goes back to the automation with a message saying what happened. */
async function performChange(c: Context<AppEnv>, change: StateChange) {
  const id = c.req.param('id') ?? ''
  const user = signedInUser(c)
  const result = await changeAutomationState(c.var.db().db, scopeFor(c), id, change, (event, tx) =>
    recordAudit(c, { ...event, actorId: user.id }, tx),
  )
  if (result.outcome === 'not_found') return sendNotFound(c)
  if (result.outcome === 'changed') {
    const done = change === 'pause' ? 'paused: it will not run until you resume it' : 'resumed: it runs again'
    setFlash(c, { tone: 'success', message: `“${result.title}” is ${done}.` })
  } else {
    setFlash(c, {
      tone: result.outcome === 'unchanged' ? 'info' : 'error',
      message: stateMessage(result.title, result.status, change),
    })
  }
  return c.redirect(`/dashboard/automations/${id}`, 303)
}

/**
 * `GET /dashboard/automations`, `GET /dashboard/automations/<id>`, and pause/resume: `GET …/pause`
 * (or `/resume`) is the confirmation page, `POST` the same URL performs it (same origin only, rate
 * limited per account) and redirects (303) to the automation with a flash message.
 */
export const automationRoutes = createRouter()
  .get('/dashboard/automations', dashboardPage(), async (c) => {
    const scope = scopeFor(c)
    const automations = await cachedRead(c, 'automations', (scope) => listAutomations(c.var.db().db, scope))
    return c.html(
      <AutomationsPage
        c={c}
        automations={automations}
        showCompany={seesAllCompanies(scope)}
        flash={takeFlash(c)}
      />,
    )
  })
  .get('/dashboard/automations/:id', dashboardPage(), (c) => renderAutomation(c, c.req.param('id') ?? ''))
  .get('/dashboard/automations/:id/pause', dashboardPage(), (c) => confirmPage(c, 'pause'))
  .get('/dashboard/automations/:id/resume', dashboardPage(), (c) => confirmPage(c, 'resume'))
  .post('/dashboard/automations/:id/pause', dashboardPage(), sameOrigin(), automationStateLimit(), (c) =>
    performChange(c, 'pause'),
  )
  .post('/dashboard/automations/:id/resume', dashboardPage(), sameOrigin(), automationStateLimit(), (c) =>
    performChange(c, 'resume'),
  )
