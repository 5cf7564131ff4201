import { z } from 'zod'

/** The contact form's fields, in the order the page shows them. */
export const CONTACT_FIELDS = ['name', 'email', 'company', 'message'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

/** What the visitor typed, as strings, for re-rendering the form (never includes the honeypot). */
export type ContactValues = Record<ContactField, string> & {
  /** The hidden source page and the chosen service, kept (when valid) for the re-rendered form. */
  sourcePage?: string | null
  service?: string | null
}

// Missing fields and `null` become '' so they get the "enter your …" message, not a type error.
const asText = (value: unknown) => (value === undefined || value === null ? '' : value)
const text = (schema: z.ZodString) => z.preprocess(asText, schema)

/** A path of this site (`/contact/`, `/services/websites/`) of at most 200 characters, else null. */
export function sourcePath(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const path = value.trim()
  // One leading slash and no second (`//host` is another site), no backslash (browsers read `/\host`
  // as `//host`), no query or fragment, nothing outside the characters the site's paths use.
  if (path.length > 200 || !/^\/(?![/\\])[A-Za-z0-9/_.~%-]*$/.test(path)) return null
  return path
}

/** A CMS slug (`interactive-3d`) of at most 60 characters, else null. */
export function serviceSlug(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const slug = value.trim()
  return slug.length <= 60 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : null
}

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
  // Where the lead came from, for the studio's analytics: the hidden path the site wrote into the
  // form at build time and the optional service the sender picked. Neither is the sender's to get
  // right, so a value that is not plausible (a full URL, `//host`, a slug with spaces) is dropped to
  // null rather than refused: the lead matters more than its analytics.
  sourcePage: z.preprocess(sourcePath, z.string().nullable()).catch(null),
  service: z.preprocess(serviceSlug, z.string().nullable()).catch(null),
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
  values.sourcePage = sourcePath(body.sourcePage)
  values.service = serviceSlug(body.service)
  return { ok: false, fields, values }
}
