import type { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  automationEditChoices,
  changeFlow,
  createAutomation,
  type FlowWriteResult,
  newAutomationChoices,
  updateAutomation,
} from '../../../data/automation-edits.ts'
import type { FlowChange } from '../../../data/flow-rules.ts'
import type { AppEnv } from '../../../env.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith, readForm } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { EditAutomationPage, NewAutomationPage } from '../../../views/dashboard/automation-form-page.tsx'
import { setFlash } from '../../../views/dashboard/flash.ts'
import type { FlowForm } from '../../../views/dashboard/flow-editor.tsx'
import { WebhookSecretPage } from '../../../views/dashboard/webhook-secret-page.tsx'
import { renderAutomation } from '../../dashboard/automations.tsx'
import { auditFor, scopeFor, sendNotFound } from '../../dashboard/context.ts'
import { staffPage, staffWriteLimit } from '../limits.ts'
import { issueWebhook } from './issue.ts'
import {
  automationEditForm,
  automationInput,
  connectionForm,
  stepAddForm,
  stepEditForm,
  versionForm,
} from './schema.ts'

// The studio's forms for automations: a new one from its company's page, editing its fields, editing
// its flow from its page (add, change or remove a step; add or remove a connection), and the run
// webhook's "Create/Rotate webhook secret". Every post is same-origin, under the team's write limit,
// audited in its transaction, and answers 303 with a message, or the form again with its messages
// and input (422; 409 when it was filled before someone else's change). Clients get 404.

/** Said when a form's version is no longer the stored one. */
export const STALE_DETAILS =
  'Someone changed this automation after you opened the form, so nothing was saved. The form still ' +
  'holds what you typed: check the automation’s page, then save again to replace its details with these.'
export const STALE_FLOW =
  'Someone changed this flow after you opened the page, so nothing was saved. The page now shows the ' +
  'current flow; make your change again if it still applies.'

const quoted = (label: string) => `“${label}”`

/** How one flow form turns its parsed input into a change, and what the page says after it. */
interface FlowFormSpec<S extends z.ZodType> {
  form: FlowForm
  schema: S
  change: (input: z.output<S>, node: string) => FlowChange
  /** The message after a change (`changed` false: it saved nothing new). */
  done: (result: Extract<FlowWriteResult, { ok: true }>, input: z.output<S>) => string
  /** Where the page opens after the change, so the keyboard carries on from the same place. */
  anchor: string
}

/** Posts one flow form: parse, change in one transaction, then 303 back, or the page with why not. */
function flowPost<S extends z.ZodType<{ version: string }>>(spec: FlowFormSpec<S>) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? ''
    const node = c.req.param('node') ?? ''
    const values = await readForm(c)
    const failure = (errors: Record<string, string>) => ({ form: spec.form, node, errors, values })
    const input = parseWith(spec.schema, values)
    if (!input.ok) return renderAutomation(c, id, { failure: failure(input.fields), status: 422 })
    const result = await changeFlow(
      c.var.db().db,
      scopeFor(c),
      id,
      spec.change(input.data, node),
      input.data.version,
      auditFor(c),
    )
    if (!result.ok) {
      if (result.reason === 'not_found') return sendNotFound(c)
      if (result.reason === 'stale') {
        return renderAutomation(c, id, { failure: failure({ form: STALE_FLOW }), status: 409 })
      }
      return renderAutomation(c, id, { failure: failure(result.fields), status: 422 })
    }
    setFlash(c, { tone: result.changed ? 'success' : 'info', message: spec.done(result, input.data) })
    return c.redirect(`/dashboard/automations/${id}#${spec.anchor}`, 303)
  }
}

/** A connection in words, with the steps' labels as the flow has them now. */
function connectionWords(result: Extract<FlowWriteResult, { ok: true }>, from: string, to: string) {
  const label = (nodeId: string) => result.automation.flow.nodes.find((n) => n.id === nodeId)?.label ?? nodeId
  return `from ${quoted(label(from))} to ${quoted(label(to))}`
}

const addStep = flowPost({
  form: 'add-step',
  schema: stepAddForm,
  change: (input) => ({ kind: 'step_added', id: input.id, type: input.type, label: input.label }),
  done: ({ node }) => `Step ${quoted(node?.label ?? '')} added (id ${node?.id}).`,
  anchor: 'add-step',
})

const editStep = flowPost({
  form: 'edit-step',
  schema: stepEditForm,
  change: (input, node) => ({ kind: 'step_changed', node, type: input.type, label: input.label }),
  done: ({ node, changed }) =>
    changed
      ? `Step ${quoted(node?.label ?? '')} saved.`
      : `Nothing was changed in ${quoted(node?.label ?? '')}.`,
  anchor: 'edit-steps',
})

const removeStep = flowPost({
  form: 'remove-step',
  schema: versionForm,
  change: (_input, node) => ({ kind: 'step_removed', node }),
  done: ({ node, connectionsRemoved = 0 }) => {
    const withEdges =
      connectionsRemoved === 0
        ? ''
        : ` with its ${connectionsRemoved === 1 ? 'connection' : `${connectionsRemoved} connections`}`
    return `Step ${quoted(node?.label ?? '')} removed${withEdges}.`
  },
  anchor: 'edit-flow-heading',
})

const addConnection = flowPost({
  form: 'add-connection',
  schema: connectionForm,
  change: (input) => ({ kind: 'connection_added', from: input.from, to: input.to }),
  done: (result, input) => `Connection ${connectionWords(result, input.from, input.to)} added.`,
  anchor: 'add-connection',
})

const removeConnection = flowPost({
  form: 'remove-connection',
  schema: connectionForm,
  change: (input) => ({ kind: 'connection_removed', from: input.from, to: input.to }),
  done: (result, input) => `Connection ${connectionWords(result, input.from, input.to)} removed.`,
  anchor: 'connections',
})

const staffWrite = [sameOrigin(), staffPage, staffWriteLimit] as const

export const automationPages = createRouter()
  .get('/dashboard/companies/:id/automations/new', staffPage, async (c) => {
    const choices = await newAutomationChoices(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!choices) return sendNotFound(c)
    return c.html(<NewAutomationPage c={c} company={choices.company} staff={choices.staff} />)
  })
  .post('/dashboard/companies/:id/automations', ...staffWrite, async (c) => {
    const companyId = c.req.param('id')
    const form = await readForm(c)
    const input = parseWith(automationInput, form)
    const db = c.var.db().db
    const result = input.ok
      ? await createAutomation(db, scopeFor(c), companyId, input.data, auditFor(c))
      : { ok: false as const, reason: 'invalid' as const, fields: input.fields }
    if (result.ok) {
      setFlash(c, {
        tone: 'success',
        message: `${quoted(result.automation.title)} was created. Add its steps below.`,
      })
      return c.redirect(`/dashboard/automations/${result.automation.id}#edit-flow-heading`, 303)
    }
    const choices = await newAutomationChoices(db, scopeFor(c), companyId)
    if (!choices || result.reason !== 'invalid') return sendNotFound(c)
    const page = (
      <NewAutomationPage
        c={c}
        company={choices.company}
        staff={choices.staff}
        values={form}
        errors={result.fields}
      />
    )
    return c.html(page, 422)
  })
  .get('/dashboard/automations/:id/edit', staffPage, async (c) => {
    const choices = await automationEditChoices(c.var.db().db, scopeFor(c), c.req.param('id'))
    if (!choices) return sendNotFound(c)
    return c.html(<EditAutomationPage c={c} automation={choices.automation} staff={choices.staff} />)
  })
  .post('/dashboard/automations/:id', ...staffWrite, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    const input = parseWith(automationEditForm, form)
    const db = c.var.db().db
    let result: Awaited<ReturnType<typeof updateAutomation>>
    if (input.ok) {
      const { version, ...fields } = input.data
      result = await updateAutomation(db, scopeFor(c), id, fields, version, auditFor(c))
    } else {
      result = { ok: false, reason: 'invalid', fields: input.fields }
    }
    if (result.ok) {
      const changed = result.changed.length > 0
      setFlash(c, {
        tone: changed ? 'success' : 'info',
        message: changed ? `${quoted(result.automation.title)} was saved.` : 'Nothing was changed.',
      })
      return c.redirect(`/dashboard/automations/${id}`, 303)
    }
    if (result.reason === 'not_found') return sendNotFound(c)
    // The form comes back with what was typed and the version stored now, so a second save applies.
    const choices = await automationEditChoices(db, scopeFor(c), id)
    if (!choices) return sendNotFound(c)
    const page = (
      <EditAutomationPage
        c={c}
        automation={choices.automation}
        staff={choices.staff}
        values={form}
        errors={result.reason === 'stale' ? { form: STALE_DETAILS } : result.fields}
      />
    )
    return c.html(page, result.reason === 'stale' ? 409 : 422)
  })
  .post('/dashboard/automations/:id/flow/steps', ...staffWrite, addStep)
  .post('/dashboard/automations/:id/flow/steps/:node', ...staffWrite, editStep)
  .post('/dashboard/automations/:id/flow/steps/:node/remove', ...staffWrite, removeStep)
  .post('/dashboard/automations/:id/flow/connections', ...staffWrite, addConnection)
  .post('/dashboard/automations/:id/flow/connections/remove', ...staffWrite, removeConnection)
  .post('/dashboard/automations/:id/webhook', ...staffWrite, async (c) => {
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
  })
