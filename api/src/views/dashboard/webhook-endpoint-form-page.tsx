import type { WebhookEventType } from '@kairo/db'
import type { Context } from 'hono'
import type { EndpointRecord } from '../../data/webhook-endpoints.ts'
import type { AppEnv } from '../../env.ts'
import { ENDPOINT_FIELDS } from '../../routes/team/webhooks/schema.ts'
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from '../../webhooks/outgoing/events.ts'
import { TextField } from '../kit/field.tsx'
import { RecordForm } from '../kit/record-form.tsx'
import { DashboardLayout } from './layout.tsx'

/** What the form shows: the typed (or stored) values, the checked events, the message per field. */
export interface EndpointFormValues {
  url: string
  description: string
  events: readonly string[]
}

interface EndpointFormProps {
  c: Context<AppEnv>
  values?: EndpointFormValues
  errors?: Record<string, string>
  /** Whether plain http and private addresses are refused here (production). */
  production: boolean
}

const EMPTY: EndpointFormValues = { url: '', description: '', events: [] }

/** `/dashboard/webhooks/new`: the form, re-rendered with messages and the input kept on failure. */
export function NewEndpointPage({ c, values = EMPTY, errors = {}, production }: EndpointFormProps) {
  return (
    <DashboardLayout c={c} title="New webhook endpoint" active="webhooks">
      <p>
        <a href="/dashboard/webhooks">Back to webhooks</a>
      </p>
      <RecordForm
        form="webhook"
        order={ENDPOINT_FIELDS}
        errors={errors}
        action="/dashboard/webhooks"
        submit="Register endpoint"
      >
        <EndpointFields values={values} errors={errors} production={production} />
        <p class="muted">The signing secret is shown once, on the next page.</p>
      </RecordForm>
    </DashboardLayout>
  )
}

/** `/dashboard/webhooks/<id>/edit`: filled from the stored endpoint, or with what was typed. */
export function EditEndpointPage({
  c,
  endpoint,
  values,
  errors = {},
  production,
}: EndpointFormProps & { endpoint: EndpointRecord }) {
  const shown = values ?? endpoint
  const name = endpoint.description || endpoint.url
  return (
    <DashboardLayout c={c} title={`Edit ${name}`} active="webhooks">
      <p>
        <a href={`/dashboard/webhooks/${endpoint.id}`}>Back to the endpoint</a>
      </p>
      <RecordForm
        form="webhook"
        order={ENDPOINT_FIELDS}
        errors={errors}
        action={`/dashboard/webhooks/${endpoint.id}`}
        submit="Save changes"
      >
        <EndpointFields values={shown} errors={errors} production={production} />
      </RecordForm>
    </DashboardLayout>
  )
}

/** `/dashboard/webhooks/<id>/delete`: what deleting takes with it, and the one button that does it. */
export function DeleteEndpointPage({ c, endpoint }: { c: Context<AppEnv>; endpoint: EndpointRecord }) {
  const name = endpoint.description || endpoint.url
  return (
    <DashboardLayout c={c} title={`Delete ${name}?`} active="webhooks">
      <p>
        Kairo stops sending events to <code class="copyable">{endpoint.url}</code>, and its deliveries and
        their log are deleted with it
        {endpoint.pending > 0 ? `, ${endpoint.pending} still waiting among them` : ''}. To stop it for a while
        instead, pause it.
      </p>
      <form method="post" action={`/dashboard/webhooks/${endpoint.id}/delete`} class="actions">
        <button class="button" type="submit">
          Delete endpoint
        </button>
        <a href={`/dashboard/webhooks/${endpoint.id}`}>Keep it</a>
      </form>
    </DashboardLayout>
  )
}

function EndpointFields({
  values,
  errors,
  production,
}: {
  values: EndpointFormValues
  errors: Record<string, string>
  production: boolean
}) {
  return (
    <>
      <TextField
        form="webhook"
        name="url"
        label="Address"
        hint={
          production
            ? 'The full https address of the receiver. Private, loopback and other non-public addresses are refused.'
            : 'The full address of the receiver, https:// (http:// and local addresses work on this development server only).'
        }
        type="url"
        value={values.url}
        autocomplete="url"
        maxlength={2000}
        error={errors.url}
      />
      <TextField
        form="webhook"
        name="description"
        label="Description (optional)"
        hint="What the receiver is, for the team, like “Slack #leads via Zapier”."
        value={values.description}
        autocomplete="off"
        maxlength={200}
        required={false}
        error={errors.description}
      />
      <EventChoices checked={values.events} error={errors.events} />
    </>
  )
}

/**
 * The events as checkboxes in a fieldset: the legend names the group, the message is tied to the
 * group and to each box, and the first box has the id the error summary links to (`webhook-events`).
 */
function EventChoices({ checked, error }: { checked: readonly string[]; error?: string }) {
  const errorId = 'webhook-events-error'
  return (
    <fieldset class="choices" aria-describedby={error ? errorId : undefined}>
      <legend>Events</legend>
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      {WEBHOOK_EVENT_TYPES.map((event: WebhookEventType, index) => {
        const id = index === 0 ? 'webhook-events' : `webhook-events-${index}`
        return (
          <label for={id}>
            <input
              id={id}
              type="checkbox"
              name="events"
              value={event}
              checked={checked.includes(event)}
              aria-invalid={error ? 'true' : undefined}
            />
            <span>
              {WEBHOOK_EVENT_LABELS[event]} <code>{event}</code>
            </span>
          </label>
        )
      })}
    </fieldset>
  )
}
