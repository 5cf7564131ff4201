import { z } from 'zod'

/** The contact form's fields, in the order the page shows them. */
export const CONTACT_FIELDS = ['name', 'email', 'company', 'message'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

/** What the visitor typed, as strings, for re-rendering the form (never includes the honeypot). */
export type ContactValues = Record<ContactField, string>

// Missing fields and `null` become '' so they get the "enter your …" message, not a type error.
const asText = (value: unknown) => (value === undefined || value === null ? '' : value)
const text = (schema: z.ZodString) => z.preprocess(asText, schema)

/** The contact form's rules; messages say what to do, in the visitor's terms. */
export const contactSchema = z.object({
  name: text(
    z
      .string({ error: 'Enter your name' })
      .trim()
      .min(1, 'Enter your name')
      .max(120, 'Enter a name of at most 120 characters'),
  ),
  email: text(
    z
      .string({ error: 'Enter your email address' })
      .trim()
      .min(1, 'Enter your email address')
      .max(254, 'Enter an email address of at most 254 characters'),
  ).pipe(z.email('Enter an email address like name@example.com')),
  company: text(
    z
      .string({ error: 'Enter your company as text' })
      .trim()
      .max(120, 'Enter a company name of at most 120 characters'),
  ).transform((value) => value || null),
  message: text(
    z
      .string({ error: 'Enter a message' })
      .trim()
      .min(10, 'Tell us a little more: at least 10 characters')
      .max(5000, 'Keep the message to 5,000 characters or fewer'),
  ),
  // The JS enhancement sends a random UUID; the no-JS form sends none (the Worker derives one).
  idempotencyKey: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.uuid('The form expired; reload the page and send it again').optional(),
  ),
})

export type ContactInput = z.infer<typeof contactSchema>

/** The outcome of {@link parseContact}: the clean input, or one message per invalid field. */
export type ParsedContact =
  | { ok: true; data: ContactInput }
  | { ok: false; fields: Record<string, string>; values: ContactValues }

/** Validates a submitted body (form or JSON) and keeps what the visitor typed for the re-render. */
export function parseContact(body: Record<string, unknown>): ParsedContact {
  const result = contactSchema.safeParse(body)
  if (result.success) return { ok: true, data: result.data }
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    fields[field] ??= issue.message
  }
  const values = Object.fromEntries(
    CONTACT_FIELDS.map((field) => [field, typeof body[field] === 'string' ? body[field] : '']),
  ) as ContactValues
  return { ok: false, fields, values }
}
