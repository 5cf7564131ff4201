import type { Child } from 'hono/jsx'

// Form fields tied to their messages. Every input has a label; the hint and the error are linked
// with `aria-describedby` and a field with an error is marked `aria-invalid`, so a screen reader
// hears what to fix where it is. What was typed is rendered back (escaped), passwords excepted.

/** Props every field takes. */
export interface FieldProps {
  /** The form's prefix for ids (`<form>-<name>`), so two forms on one page never share an id. */
  form: string
  name: string
  /** An explicit element id, where a page keeps one that links point to; else `<form>-<name>`. */
  id?: string
  label: string
  error?: string
  hint?: string
}

function idOf({ form, name, id }: FieldProps): string {
  return id ?? `${form}-${name}`
}

/** The input's ARIA attributes: the hint and message it is described by, and whether it is invalid. */
function ariaOf({ hint, error }: FieldProps, id: string) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return { 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy || undefined }
}

/** The label, hint and message around one control (the message above it, where it is read first). */
function Field({ children, ...props }: FieldProps & { children: Child }) {
  const id = idOf(props)
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      {children}
    </div>
  )
}

/** A one-line input (`type` text, email, password, url, date). Passwords are never echoed back. */
export function TextField(
  props: FieldProps & {
    value?: string
    type?: 'text' | 'email' | 'password' | 'url' | 'date'
    autocomplete: string
    required?: boolean
    maxlength?: number
    minlength?: number
  },
) {
  const id = idOf(props)
  const type = props.type ?? 'text'
  return (
    <Field {...props}>
      <input
        id={id}
        name={props.name}
        type={type}
        value={type === 'password' ? undefined : (props.value ?? '')}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        maxlength={props.maxlength}
        minlength={props.minlength}
        // An address or a password is not prose: no spelling marks, and nothing sent to a checker.
        spellcheck={type === 'text' ? undefined : false}
        {...ariaOf(props, id)}
      />
    </Field>
  )
}

/** A multi-line text input (required unless `required` is false). */
export function TextAreaField(
  props: FieldProps & {
    value?: string
    maxlength: number
    rows?: number
    autocomplete?: string
    required?: boolean
  },
) {
  const id = idOf(props)
  return (
    <Field {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        maxlength={props.maxlength}
        {...ariaOf(props, id)}
      >
        {props.value ?? ''}
      </textarea>
    </Field>
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
  const id = idOf(props)
  return (
    <Field {...props}>
      <select id={id} name={props.name} required={props.required} {...ariaOf(props, id)}>
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  )
}

/** An optional day: `<input type="date">`, which sends `2031-05-01` (or nothing). */
export function DateField(props: FieldProps & { value?: string }) {
  return <TextField {...props} type="date" autocomplete="off" required={false} />
}
