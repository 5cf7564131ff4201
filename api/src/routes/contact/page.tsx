import { ErrorSummary } from '../../views/kit/error-summary.tsx'
import { SelectField, TextAreaField, TextField } from '../../views/kit/field.tsx'
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
  type?: 'text' | 'email'
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

/** One field of the form, from the kit, with the ids `contact-<name>` the static form uses. */
function Field({ spec, value, error }: { spec: FieldSpec; value: string; error?: string }) {
  const common = { form: 'contact', name: spec.name, label: spec.label, hint: spec.hint, error, value }
  return spec.multiline ? (
    <TextAreaField {...common} autocomplete={spec.autocomplete} maxlength={spec.maxlength} rows={8} />
  ) : (
    <TextField
      {...common}
      type={spec.type}
      autocomplete={spec.autocomplete}
      required={spec.required}
      maxlength={spec.maxlength}
    />
  )
}

/** "interactive-3d" → "Interactive 3d": the Worker has no CMS titles, only the slug that was sent. */
function serviceLabel(slug: string): string {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The contact page re-rendered by the Worker when a no-JS submission is invalid: the visitor's input
 * kept (escaped by JSX), an error summary linking to each field, and per-field messages tied to
 * their inputs with `aria-describedby`. The honeypot is rendered empty, never echoed.
 */
export function ContactPage({ values, errors, nonce }: ContactPageProps) {
  return (
    <SiteLayout title="Contact" nonce={nonce}>
      <section class="wrap hero">
        <p class="eyebrow">Contact</p>
        <h1>Tell us about your project</h1>
        <p class="lede">A few lines are enough. We reply within two working days.</p>
        <ErrorSummary form="contact" errors={errors} order={FIELDS.map((f) => f.name)} />
        <form class="contact-form" method="post" action="/api/contact">
          {FIELDS.map((spec) => (
            <>
              {/* Before the message, as on the site. The Worker does not know the CMS's services, so
                  the visitor's choice is kept as the one choice besides none. */}
              {spec.name === 'message' && values.service && (
                <SelectField
                  form="contact"
                  name="service"
                  label="What is it about? (optional)"
                  value={values.service}
                  placeholder="Not sure yet"
                  options={[{ value: values.service, label: serviceLabel(values.service) }]}
                />
              )}
              <Field spec={spec} value={values[spec.name]} error={errors[spec.name]} />
            </>
          ))}
          {values.sourcePage && <input type="hidden" name="sourcePage" value={values.sourcePage} />}
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
