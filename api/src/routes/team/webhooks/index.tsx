import type { Context } from 'hono'
import {
  deleteEndpoint,
  getDelivery,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  setEndpointPaused,
  updateEndpoint,
} from '../../../data/webhook-endpoints.ts'
import type { AppEnv } from '../../../env.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash, takeFlash } from '../../../views/dashboard/flash.ts'
import { DeliveryPage } from '../../../views/dashboard/webhook-delivery-page.tsx'
import {
  DeleteEndpointPage,
  EditEndpointPage,
  type EndpointFormValues,
  NewEndpointPage,
} from '../../../views/dashboard/webhook-endpoint-form-page.tsx'
import { EndpointPage } from '../../../views/dashboard/webhook-endpoint-page.tsx'
import { EndpointSecretPage } from '../../../views/dashboard/webhook-endpoint-secret-page.tsx'
import { WebhooksPage } from '../../../views/dashboard/webhooks-page.tsx'
import { webhookSigningKeyOf } from '../../../webhooks/keys.ts'
import { auditFor, scopeFor, sendNotFound } from '../../dashboard/context.ts'
import { adminPage, staffWriteLimit } from '../limits.ts'
import { describeAttempt, isProduction, registerEndpoint, rotateSecret, sendAgain } from './actions.ts'
import { deliveryListQuery, validateEndpoint } from './schema.ts'

// `/dashboard/webhooks`: the studio's outgoing webhook endpoints, for admins only (anyone else gets
// the 404 of a page that does not exist), like the mail outbox and user management: an endpoint
// sends the studio's leads and its clients' decisions to an address of the admin's choosing, so
// registering one is a decision about where that data goes. Every post is same-origin, under the
// team's write limit, and audited; forms re-render with per-field messages and the input kept.

const NOT_CONFIGURED =
  'Outgoing webhooks are not configured on this server (WEBHOOK_SIGNING_KEY); nothing changed.'

/** The form's fields; `events` may be sent several times (one per ticked box). */
async function readEndpointForm(c: Context<AppEnv>): Promise<EndpointFormValues> {
  const body = await c.req.parseBody({ all: true })
  const first = (value: unknown) =>
    typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : ''
  const events = (Array.isArray(body.events) ? body.events : [body.events]).filter(
    (value): value is string => typeof value === 'string',
  )
  return { url: first(body.url), description: first(body.description), events }
}

const PATH = '/dashboard/webhooks/:id'

export const webhookPages = createRouter()
  .get('/dashboard/webhooks', adminPage, async (c) => {
    const endpoints = await listEndpoints(c.var.db().db, scopeFor(c))
    const configured = webhookSigningKeyOf(c.env) !== null
    return c.html(<WebhooksPage c={c} endpoints={endpoints} configured={configured} flash={takeFlash(c)} />)
  })
  // Before `/:id`, so "new" is never taken for an id.
  .get('/dashboard/webhooks/new', adminPage, (c) => {
    if (!webhookSigningKeyOf(c.env)) {
      setFlash(c, { tone: 'error', message: NOT_CONFIGURED })
      return c.redirect('/dashboard/webhooks', 303)
    }
    return c.html(<NewEndpointPage c={c} production={isProduction(c)} />)
  })
  .post('/dashboard/webhooks', sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const form = await readEndpointForm(c)
    const production = isProduction(c)
    const input = validateEndpoint(form, production)
    if (!input.ok) {
      return c.html(
        <NewEndpointPage c={c} values={form} errors={input.fields} production={production} />,
        422,
      )
    }
    const registered = await registerEndpoint(c, input.data)
    if (registered.outcome === 'not_configured') {
      setFlash(c, { tone: 'error', message: NOT_CONFIGURED })
      return c.redirect('/dashboard/webhooks', 303)
    }
    // The secret goes out in this answer only: a page, not a redirect with a flash cookie or a URL.
    return c.html(
      <EndpointSecretPage
        c={c}
        endpoint={{ id: registered.id, url: input.data.url, description: input.data.description }}
        secret={registered.secret}
        createdAt={registered.createdAt}
        replaced={false}
      />,
    )
  })
  .get(PATH, adminPage, async (c) => {
    const db = c.var.db().db
    const endpoint = await getEndpoint(db, scopeFor(c), c.req.param('id'))
    if (!endpoint) return sendNotFound(c)
    const query = parseWith(deliveryListQuery, c.req.query())
    const deliveries = await listDeliveries(db, scopeFor(c), endpoint.id, query.ok ? query.data : {})
    return c.html(<EndpointPage c={c} endpoint={endpoint} deliveries={deliveries} flash={takeFlash(c)} />)
  })
  .get(`${PATH}/edit`, adminPage, async (c) => {
    const endpoint = await getEndpoint(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!endpoint) return sendNotFound(c)
    return c.html(<EditEndpointPage c={c} endpoint={endpoint} production={isProduction(c)} />)
  })
  .post(PATH, sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readEndpointForm(c)
    const production = isProduction(c)
    const input = validateEndpoint(form, production)
    if (!input.ok) {
      const endpoint = await getEndpoint(c.var.db().db, scopeFor(c), id)
      if (!endpoint) return sendNotFound(c)
      return c.html(
        <EditEndpointPage
          c={c}
          endpoint={endpoint}
          values={form}
          errors={input.fields}
          production={production}
        />,
        422,
      )
    }
    const result = await updateEndpoint(c.var.db().db, scopeFor(c), id, input.data, auditFor(c))
    if (!result.ok) return sendNotFound(c)
    setFlash(
      c,
      result.changed.length > 0
        ? { tone: 'success', message: 'The endpoint was saved.' }
        : { tone: 'info', message: 'Nothing was changed.' },
    )
    return c.redirect(`/dashboard/webhooks/${id}`, 303)
  })
  .post(`${PATH}/pause`, sameOrigin(), adminPage, staffWriteLimit, (c) => pauseOrEnable(c, true))
  .post(`${PATH}/enable`, sameOrigin(), adminPage, staffWriteLimit, (c) => pauseOrEnable(c, false))
  .post(`${PATH}/secret`, sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const rotated = await rotateSecret(c, id)
    if (rotated.outcome === 'not_found') return sendNotFound(c)
    if (rotated.outcome === 'not_configured') {
      setFlash(c, { tone: 'error', message: NOT_CONFIGURED })
      return c.redirect(`/dashboard/webhooks/${id}`, 303)
    }
    return c.html(
      <EndpointSecretPage
        c={c}
        endpoint={{ id, url: rotated.url, description: rotated.description }}
        secret={rotated.secret}
        createdAt={rotated.createdAt}
        replaced
      />,
    )
  })
  .get(`${PATH}/delete`, adminPage, async (c) => {
    const endpoint = await getEndpoint(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!endpoint) return sendNotFound(c)
    return c.html(<DeleteEndpointPage c={c} endpoint={endpoint} />)
  })
  .post(`${PATH}/delete`, sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const result = await deleteEndpoint(c.var.db().db, scopeFor(c), c.req.param('id'), auditFor(c))
    if (!result.ok) return sendNotFound(c)
    setFlash(c, { tone: 'success', message: `${result.description || result.url} was deleted.` })
    return c.redirect('/dashboard/webhooks', 303)
  })
  .get(`${PATH}/deliveries/:deliveryId`, adminPage, async (c) => {
    const { id, deliveryId } = c.req.param()
    const db = c.var.db().db
    const endpoint = await getEndpoint(db, scopeFor(c), id)
    const delivery = endpoint && (await getDelivery(db, scopeFor(c), id, deliveryId))
    if (!endpoint || !delivery) return sendNotFound(c)
    return c.html(<DeliveryPage c={c} endpoint={endpoint} delivery={delivery} flash={takeFlash(c)} />)
  })
  .post(`${PATH}/deliveries/:deliveryId/send`, sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const { id, deliveryId } = c.req.param()
    const sent = await sendAgain(c, id, deliveryId)
    if (sent.outcome === 'not_found') return sendNotFound(c)
    setFlash(
      c,
      sent.outcome === 'not_configured'
        ? { tone: 'error', message: NOT_CONFIGURED }
        : sent.result.ok
          ? { tone: 'success', message: `Sent again. ${describeAttempt(sent.result)}` }
          : { tone: 'error', message: `Sent again, and it failed. ${describeAttempt(sent.result)}` },
    )
    return c.redirect(`/dashboard/webhooks/${id}/deliveries/${deliveryId}`, 303)
  })

async function pauseOrEnable(c: Context<AppEnv>, paused: boolean) {
  const id = c.req.param('id') ?? ''
  const result = await setEndpointPaused(c.var.db().db, scopeFor(c), id, paused, auditFor(c))
  if (!result.ok) return sendNotFound(c)
  setFlash(c, {
    tone: result.changed ? 'success' : 'info',
    message: paused
      ? result.changed
        ? 'The endpoint is paused: no new events are queued for it, and waiting deliveries wait.'
        : 'The endpoint was already paused.'
      : result.changed
        ? 'The endpoint is enabled: waiting deliveries go out within a minute.'
        : 'The endpoint was already enabled.',
  })
  return c.redirect(`/dashboard/webhooks/${id}`, 303)
}
