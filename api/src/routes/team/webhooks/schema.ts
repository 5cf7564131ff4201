import { z } from '@hono/zod-openapi'
import { webhookEventType } from '@kairo/db'
import type { EndpointInput } from '../../../data/webhook-endpoints.ts'
import { blankToUndefined, type Parsed, parseWith } from '../../../lib/form.ts'
import { ADDRESS_MESSAGES, webhookUrlProblem } from '../../../webhooks/outgoing/address.ts'

// An outgoing webhook endpoint's fields, shared by the forms and `/api/v1/webhook-endpoints`. The
// schema checks the shape; whether the address may be used depends on the environment (production
// refuses http and non-public addresses), so {@link validateEndpoint} adds that check after it.

export const ENDPOINT_FIELDS = ['url', 'description', 'events'] as const

const text = (value: unknown) => value ?? ''

export const endpointUrl = z
  .string({ error: 'Enter the address as text' })
  .trim()
  .min(1, 'Enter the address the events are sent to')
  .max(2000, 'Enter an address of at most 2,000 characters')
  .refine((value) => webhookUrlProblem(value, false) === null, {
    message: 'Enter the full address starting with https://, like https://hooks.example.com/kairo',
  })
  .openapi({ description: 'Where the events are POSTed: https (http only outside production)' })

export const endpointDescription = z
  .string({ error: 'Enter the description as text' })
  .trim()
  .max(200, 'Enter a description of at most 200 characters')
  .openapi({ description: 'What the receiver is, for the team (“Slack #leads via Zapier”)' })

export const endpointEvents = z
  .array(z.enum(webhookEventType.enumValues, { error: 'Choose events from the list' }), {
    error: 'Choose the events as a list',
  })
  .min(1, 'Choose at least one event')
  .transform((events) => webhookEventType.enumValues.filter((event) => events.includes(event)))
  .openapi({ description: 'The events the endpoint receives (at least one)' })

/** A checkbox group sends nothing, one value (a string) or several (an array). */
const toList = (value: unknown) =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]

/** The form's fields (`events` from its checkboxes); the JSON API's create body has the same shape. */
export const endpointInput = z.object({
  url: z.preprocess(text, endpointUrl),
  description: z.preprocess(text, endpointDescription),
  events: z.preprocess(toList, endpointEvents),
})

/** `PATCH /api/v1/webhook-endpoints/{id}`: any of the fields; the others stay. */
export const endpointPatch = z.object({
  url: endpointUrl.optional(),
  description: endpointDescription.optional(),
  events: endpointEvents.optional(),
})

/** The message for a URL production refuses; null when it may be used here. */
export function endpointUrlMessage(url: string, production: boolean): string | null {
  const problem = webhookUrlProblem(url, production)
  return problem ? ADDRESS_MESSAGES[problem] : null
}

/**
 * The form's input checked in full: the schema, then the address rules of this environment. One
 * message per field, every field checked, so the form shows all that needs fixing at once.
 */
export function validateEndpoint(input: unknown, production: boolean): Parsed<EndpointInput> {
  const parsed = parseWith(endpointInput, input)
  const url =
    typeof (input as { url?: unknown })?.url === 'string' ? (input as { url: string }).url.trim() : ''
  const urlMessage = url ? endpointUrlMessage(url, production) : null
  if (parsed.ok) return urlMessage ? { ok: false, fields: { url: urlMessage } } : parsed
  if (urlMessage) parsed.fields.url ??= urlMessage
  return parsed
}

export const deliveryListQuery = z.object({
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Give a page number' }).int().min(1).optional(),
  ),
})
