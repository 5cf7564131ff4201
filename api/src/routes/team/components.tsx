import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { AppEnv } from '../../env.ts'
import { NotFoundPage } from '../../views/dashboard/not-found-page.tsx'

// Building blocks of the team's pages: form fields tied to their messages, the error summary, the
// pager and dates. Every input has a label; a message is linked with `aria-describedby` and the
// field marked `aria-invalid`, so a screen reader hears what to fix where it is.

/**
 * Sends a dashboard page (the layout writes the doctype). The pages show one account's view of the
 * studio's data, so no cache keeps them.
 */
export function sendPage(
  c: Context<AppEnv>,
  page: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: 200 | 422 = 200,
) {
  c.header('Cache-Control', 'private, no-store')
  return c.html(page, status)
}

/**
 * The dashboard's 404 for an id that does not exist: the same page whether it never existed or is
 * out of reach, so a guessed id teaches nothing.
 */
export function sendNotFound(c: Context<AppEnv>) {
  c.header('Cache-Control', 'private, no-store')
  return c.html(<NotFoundPage c={c} />, 404)
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})

/** A date people can read, with the machine-readable instant in `datetime`. */
export function DateTime({ value }: { value: Date }) {
  return <time datetime={value.toISOString()}>{`${dateFormat.format(value)} UTC`}</time>
}

/** Props shared by the fields below. */
interface FieldProps {
  /** The form's prefix for ids (`<form>-<name>`), so two forms on one page never share an id. */
  form: string
  name: string
  label: string
  error?: string
  hint?: string
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

function FieldFrame({ form, name, label, error, hint, children }: FieldProps & { children: Child }) {
  const id = `${form}-${name}`
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  )
}

/** A text input (`type` text, email, password). Passwords are never echoed back. */
export function TextField(
  props: FieldProps & {
    value?: string
    type?: 'text' | 'email' | 'password'
    autocomplete: string
    required?: boolean
    maxlength?: number
    minlength?: number
  },
) {
  const id = `${props.form}-${props.name}`
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : (props.value ?? '')}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        maxlength={props.maxlength}
        minlength={props.minlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </FieldFrame>
  )
}

/** A multi-line text input. */
export function TextAreaField(props: FieldProps & { value?: string; maxlength: number; rows?: number }) {
  const id = `${props.form}-${props.name}`
  return (
    <FieldFrame {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  )
}

/** A choice from a list; `placeholder` adds an empty first option (nothing chosen yet). */
export function SelectField(
  props: FieldProps & {
    value?: string
    options: ReadonlyArray<{ value: string; label: string }>
    placeholder?: string
    required?: boolean
  },
) {
  const id = `${props.form}-${props.name}`
  return (
    <FieldFrame {...props}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/**
 * A list page's status filter: a plain GET form (works without script), so the filtered list has its
 * own address and the pager keeps the filter.
 */
export function StatusFilter({
  area,
  status,
  placeholder,
  options,
}: {
  /** The list's path segment under `/dashboard/` (`leads`), which also names the form. */
  area: string
  status?: string
  placeholder: string
  options: ReadonlyArray<{ value: string; label: string }>
}) {
  return (
    <form class="actions dash-section" method="get" action={`/dashboard/${area}`}>
      <SelectField
        form={`${area}-filter`}
        name="status"
        label="Show"
        value={status ?? ''}
        placeholder={placeholder}
        options={options}
      />
      <button class="button button--quiet" type="submit">
        Filter
      </button>
    </form>
  )
}

/**
 * The list of what to fix at the top of a failed form, each item a link to its field; focusable so
 * it can take focus, announced as an alert. Messages without a field are listed as plain text.
 */
export function ErrorSummary({
  form,
  errors,
  order,
}: {
  form: string
  errors: Record<string, string>
  /** Field names in the order the form shows them. */
  order: readonly string[]
}) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  const titleId = `${form}-error-summary-title`
  const fieldErrors = order.filter((name) => errors[name])
  const other = entries.filter(([name]) => !order.includes(name))
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId} tabindex={-1}>
      <h2 id={titleId}>There is a problem</h2>
      <ul>
        {fieldErrors.map((name) => (
          <li>
            <a href={`#${form}-${name}`}>{errors[name]}</a>
          </li>
        ))}
        {other.map(([, message]) => (
          <li>{message}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Previous/next links for a paged list, keeping its filter. `total` null means the page is past the
 * end (only a link back to the first page is offered).
 */
export function Pager({
  label,
  path,
  query,
  page,
  pageSize,
  total,
}: {
  label: string
  path: string
  query: Record<string, string | undefined>
  page: number
  pageSize: number
  total: number | null
}) {
  const pages = total === null ? null : Math.max(1, Math.ceil(total / pageSize))
  const href = (n: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
    if (n > 1) params.set('page', String(n))
    const search = params.toString()
    return search ? `${path}?${search}` : path
  }
  if (pages === null) {
    return (
      <nav class="pager" aria-label={label}>
        <p>
          This page is past the end of the list. <a href={href(1)}>Go to the first page</a>
        </p>
      </nav>
    )
  }
  if (pages === 1) return null
  return (
    <nav class="pager" aria-label={label}>
      <ul class="actions">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous page
            </a>
          </li>
        )}
        <li>
          Page {page} of {pages}
        </li>
        {page < pages && (
          <li>
            <a href={href(page + 1)} rel="next">
              Next page
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}

/** Plain text with its line breaks kept: blank lines part paragraphs, single ones break lines. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </>
  )
}

/**
 * A form that failed validation on a page with several forms: which one (so only its fields show the
 * messages), the message per field, and what was typed (sent back so nothing is lost).
 */
export interface FailedForm<Form extends string> {
  form: Form
  errors: Record<string, string>
  values: Record<string, string>
}

/** A status shown as words in a badge (the colour only repeats what the words say). */
export function Badge({
  tone,
  children,
}: {
  tone: 'good' | 'active' | 'warn' | 'bad' | 'plain'
  children: Child
}) {
  return <span class={tone === 'plain' ? 'badge' : `badge badge--${tone}`}>{children}</span>
}

/** Whether an account can sign in, in words (users list, user page, a company's users). */
export function AccountBadge({ disabled }: { disabled: boolean }) {
  return disabled ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>
}
