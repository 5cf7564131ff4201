import { SiteLayout } from '../../views/layout.tsx'
import type { ContactField, ContactValues } from './schema.ts'

/** Props of {@link ContactPage}. */
export interface ContactPageProps {
  values: ContactValues
  /** One message per invalid field (key: field name). */
  errors: Record<string, string>
  /** The response's CSP nonce, for the layout's inline stylesheet. */
  nonce?: string
}

interface FieldSpec {
  name: ContactField
  label: string
  hint?: string
  type?: string
  autocomplete: string
  required: boolean
  maxlength: number
  multiline?: boolean
}

// The same fields, ids and attributes as site/src/components/ContactForm.astro.
const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name', autocomplete: 'name', required: true, maxlength: 120 },
  { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', required: true, maxlength: 254 },
  {
    name: 'company',
    label: 'Company (optional)',
    autocomplete: 'organization',
    required: false,
    maxlength: 120,
  },
  {
    name: 'message',
    label: 'Message',
    hint: 'What are you planning? At least 10 characters.',
    autocomplete: 'off',
    required: true,
    maxlength: 5000,
    multiline: true,
  },
]

function Field({ spec, value, error }: { spec: FieldSpec; value: string; error?: string }) {
  const id = `contact-${spec.name}`
  const hintId = spec.hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name: spec.name,
    autocomplete: spec.autocomplete,
    required: spec.required,
    maxlength: spec.maxlength,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  }
  return (
    <div class="field">
      <label for={id}>{spec.label}</label>
      {spec.hint && (
        <p class="field__hint" id={hintId}>
          {spec.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      {spec.multiline ? (
        <textarea {...common} rows={8}>
          {value}
        </textarea>
      ) : (
        <input {...common} type={spec.type ?? 'text'} value={value} />
      )}
    </div>
  )
}

/**
 * The contact page re-rendered by the Worker when a no-JS submission is invalid: the visitor's input
 * kept (escaped by JSX), an error summary linking to each field, and per-field messages tied to
 * their inputs with `aria-describedby`. The honeypot is rendered empty, never echoed.
 */
export function ContactPage({ values, errors, nonce }: ContactPageProps) {
  const invalid = FIELDS.filter((f) => errors[f.name])
  // Messages not tied to a field: a malformed idempotency key, or the database being unavailable.
  const other = errors.idempotencyKey ?? errors.form
  return (
    <SiteLayout title="Contact" nonce={nonce}>
      <section class="wrap hero">
        <p class="eyebrow">Contact</p>
        <h1>Tell us about your project</h1>
        <p class="lede">A few lines are enough. We reply within two working days.</p>
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {invalid.map((f) => (
              <li>
                <a href={`#contact-${f.name}`}>{errors[f.name]}</a>
              </li>
            ))}
            {other && <li>{other}</li>}
          </ul>
        </div>
        <form class="contact-form" method="post" action="/api/contact">
          {FIELDS.map((spec) => (
            <Field spec={spec} value={values[spec.name]} error={errors[spec.name]} />
          ))}
          <div class="hp">
            <label for="contact-website">Leave this field empty</label>
            <input
              id="contact-website"
              name="website"
              type="text"
              tabindex={-1}
              autocomplete="off"
              value=""
            />
          </div>
          <button class="button" type="submit">
            Send message
          </button>
        </form>
      </section>
    </SiteLayout>
  )
}

/** The page a no-JS visitor sees over the contact form's rate limit. */
export function ContactLimitedPage({
  retryAfterSeconds,
  nonce,
}: {
  retryAfterSeconds: number
  nonce?: string
}) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return (
    <SiteLayout title="Too many messages" nonce={nonce}>
      <section class="wrap hero">
        <p class="eyebrow">Contact</p>
        <h1>Too many messages for now</h1>
        <p class="lede">
          We received several messages from your network in the last few minutes. Please try again in{' '}
          {minutes === 1 ? 'a minute' : `${minutes} minutes`}.
        </p>
        <p>
          <a href="/contact/">Back to the contact form</a>
        </p>
      </section>
    </SiteLayout>
  )
}
