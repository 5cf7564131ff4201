import { describeLimit } from '../../upload/object-upload.ts'
import { ACCEPT_ATTRIBUTE, ACCEPTED_TYPES_TEXT } from '../../upload/sniff.ts'
import { ErrorSummary } from '../kit/error-summary.tsx'
import type { FailedForm } from '../kit/failed-form.ts'
import { TextField } from '../kit/field.tsx'

// The studio's upload forms: a new deliverable (title and first file) on the project page, and a new
// version on the deliverable's page. Plain `multipart/form-data` posts: they work without script and
// by keyboard, and the Worker streams the file into the bucket as it arrives.

/** Where a new deliverable is posted. */
export const newDeliverableHref = (projectId: string) => `/dashboard/projects/${projectId}/deliverables`

/** Where a new version of a deliverable is posted. */
export const newVersionHref = (projectId: string, deliverableId: string) =>
  `/dashboard/projects/${projectId}/deliverables/${deliverableId}/versions`

/** The file input, labelled, with the accepted types and the limit as its hint and its message tied. */
function FileField({ form, error, maxBytes }: { form: string; error?: string; maxBytes: number }) {
  const id = `${form}-file`
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={id}>File</label>
      <p class="field__hint" id={`${id}-hint`}>
        {ACCEPTED_TYPES_TEXT}, up to {describeLimit(maxBytes)}. The type is read from the file's contents.
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        id={id}
        name="file"
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        required
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  )
}

/** A new deliverable: its title and first file (version 1). */
export function NewDeliverableForm({
  projectId,
  maxBytes,
  failed,
}: {
  projectId: string
  maxBytes: number
  failed?: FailedForm<'deliverable'>
}) {
  const errors = failed?.errors ?? {}
  return (
    <>
      <h3 id="add-deliverable">Add a deliverable</h3>
      <ErrorSummary form="deliverable" errors={errors} order={['title', 'file']} />
      <form
        class="contact-form"
        method="post"
        action={newDeliverableHref(projectId)}
        enctype="multipart/form-data"
      >
        <TextField
          form="deliverable"
          name="title"
          label="Title"
          hint="What the client will see, like “Brand book” or “Product model”."
          value={failed?.values.title}
          autocomplete="off"
          maxlength={200}
          error={errors.title}
        />
        <FileField form="deliverable" error={errors.file} maxBytes={maxBytes} />
        <button class="button" type="submit">
          Upload deliverable
        </button>
      </form>
    </>
  )
}

/** The next version of a deliverable. */
export function NewVersionForm({
  projectId,
  deliverableId,
  nextNumber,
  maxBytes,
  failed,
}: {
  projectId: string
  deliverableId: string
  nextNumber: number
  maxBytes: number
  failed?: FailedForm<'version'>
}) {
  const errors = failed?.errors ?? {}
  return (
    <section class="dash-section" aria-labelledby="upload-version">
      <h2 id="upload-version">Upload a new version</h2>
      <ErrorSummary form="version" errors={errors} order={['file']} />
      <form
        class="contact-form"
        method="post"
        action={newVersionHref(projectId, deliverableId)}
        enctype="multipart/form-data"
      >
        <FileField form="version" error={errors.file} maxBytes={maxBytes} />
        <button class="button" type="submit">
          Upload version {nextNumber}
        </button>
      </form>
    </section>
  )
}
