import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { Flash } from '../../views/dashboard/flash.ts'
import { DASHBOARD_CSS } from '../../views/dashboard/styles.ts'
import { SiteLayout } from '../../views/layout.tsx'

// The building blocks of the sign-in, password-reset and profile forms: a labelled field whose
// message is tied to it (`aria-describedby`, `aria-invalid`), and an error summary linking to each
// field, as on the contact form.

/** Props of {@link Field}. */
export interface FieldProps {
  /** The element id; the label, hint and message ids derive from it. */
  id: string
  name: string
  label: string
  type?: 'text' | 'email' | 'password'
  autocomplete: string
  /** What to show in the input; passwords are never echoed back. */
  value?: string
  hint?: string
  error?: string
  required?: boolean
  maxlength?: number
  minlength?: number
}

export function Field({
  id,
  name,
  label,
  type = 'text',
  autocomplete,
  value,
  hint,
  error,
  required = true,
  maxlength,
  minlength,
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        autocomplete={autocomplete}
        value={type === 'password' ? undefined : value}
        required={required}
        maxlength={maxlength}
        minlength={minlength}
        spellcheck={type === 'text' ? undefined : false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  )
}

/**
 * The list of problems above a form: each field's message links to its input; `form` holds a
 * message about the whole form (wrong credentials, a rate limit). Renders nothing without errors.
 */
export function ErrorSummary({
  errors,
  fieldIds,
}: {
  errors: Record<string, string>
  fieldIds: Record<string, string>
}) {
  const linked = Object.entries(fieldIds).filter(([name]) => errors[name])
  if (linked.length === 0 && !errors.form) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.form && <li>{errors.form}</li>}
        {linked.map(([name, id]) => (
          <li>
            <a href={`#${id}`}>{errors[name]}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Props of {@link AuthFrame}. */
export interface AuthFrameProps {
  title: string
  nonce?: string
  /** A one-time message (signed out, password changed) shown as a status. */
  flash?: Flash
  children?: Child
}

/**
 * The frame of the signed-out pages (sign in, password reset): the site's look with the dashboard's
 * extra rules, one `<h1>`, and an optional status message. Starts with the doctype.
 */
export function AuthFrame({ title, nonce, flash, children }: AuthFrameProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <SiteLayout title={title} nonce={nonce} styles={DASHBOARD_CSS}>
        <section class="wrap hero">
          <p class="eyebrow">Client dashboard</p>
          <h1>{title}</h1>
          {flash && (
            <p class={`flash flash--${flash.tone}`} role={flash.tone === 'error' ? 'alert' : 'status'}>
              {flash.message}
            </p>
          )}
          {children}
        </section>
      </SiteLayout>
    </>
  )
}
