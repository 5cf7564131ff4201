import { FORM_OVERHEAD_BYTES } from './limits.ts'
import { MultipartError, readMultipart } from './multipart.ts'
import { describeLimit, ObjectUpload, type UploadRefusal } from './object-upload.ts'

// A request's file, streamed into the bucket: from a browser's form (`multipart/form-data`, the file
// in the field `file`, text fields beside it) or from an API client (the raw body). Either way the
// result is an upload whose bytes are all in (not yet an object: the caller checks the other input,
// then commits or aborts), or a refusal that left nothing behind.

/** A refusal in the terms of the request: its status, a stable code, the field it is about, words. */
export interface ReceiveFailure {
  ok: false
  status: 400 | 413 | 415 | 422
  code:
    | 'too_large'
    | 'unsupported_type'
    | 'empty'
    | 'no_file'
    | 'upload_incomplete'
    | 'invalid_form'
    | 'unsupported_media_type'
  field: 'file' | 'form'
  message: string
  /** The form's text fields read before the refusal (to show them again). */
  fields: Record<string, string>
}

export interface Received {
  ok: true
  upload: ObjectUpload
  fields: Record<string, string>
}

export interface ReceiveOptions {
  bucket: R2Bucket
  key: string
  maxBytes: number
}

const STATUS: Record<UploadRefusal['reason'], 413 | 422> = {
  too_large: 413,
  unsupported_type: 422,
  empty: 422,
}

function refused(refusal: UploadRefusal, fields: Record<string, string>): ReceiveFailure {
  return {
    ok: false,
    status: STATUS[refusal.reason],
    code: refusal.reason,
    field: 'file',
    message: refusal.message,
    fields,
  }
}

function tooLarge(maxBytes: number, fields: Record<string, string> = {}): ReceiveFailure {
  return refused(
    {
      reason: 'too_large',
      message: `The file is larger than the limit of ${describeLimit(maxBytes)}. Send a smaller file, or split it.`,
    },
    fields,
  )
}

function incomplete(fields: Record<string, string>, message?: string): ReceiveFailure {
  return {
    ok: false,
    status: 400,
    code: 'upload_incomplete',
    field: 'file',
    message: message ?? 'The upload was cut off before the whole file arrived. Nothing was saved; try again.',
    fields,
  }
}

function declaredLength(request: Request): number | null {
  const value = request.headers.get('content-length')
  return value !== null && /^\d+$/.test(value) ? Number(value) : null
}

/**
 * After a refusal, the rest of a browser's body is read and dropped when it is no larger than the
 * limit allows, so the browser, still sending, receives the page with the message rather than a
 * reset connection; anything larger is cancelled.
 */
async function finishBody(request: Request, maxBytes: number): Promise<void> {
  const body = request.body
  if (!body || body.locked) return
  const length = declaredLength(request)
  if (length === null || length > maxBytes + FORM_OVERHEAD_BYTES) {
    await body.cancel().catch(() => {})
    return
  }
  const reader = body.getReader()
  try {
    while (!(await reader.read()).done) {}
  } catch {
    // The sender went away: nothing left to read.
  }
}

/**
 * Streams the file of a form post (`multipart/form-data`, field `file`) into the bucket, collecting
 * the text fields. Only one file is taken; other file fields are skipped.
 */
export async function receiveForm(
  request: Request,
  options: ReceiveOptions,
): Promise<Received | ReceiveFailure> {
  const fields: Record<string, string> = {}
  const contentType = request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data\b/i.test(contentType) || !request.body) {
    return {
      ok: false,
      status: 415,
      code: 'unsupported_media_type',
      field: 'form',
      message: 'Send the form as multipart/form-data.',
      fields,
    }
  }
  const length = declaredLength(request)
  if (length !== null && length > options.maxBytes + FORM_OVERHEAD_BYTES) {
    await request.body.cancel().catch(() => {})
    return tooLarge(options.maxBytes)
  }
  let upload: ObjectUpload | null = null
  let current: 'upload' | 'skip' = 'skip'
  let failure: ReceiveFailure | null = null
  // Set while the bucket works: its failures are the server's (onError's 500/503), not a cut-off body.
  let storing = false
  try {
    for await (const event of readMultipart(request.body, contentType)) {
      if (event.kind === 'field') {
        fields[event.name] ??= event.value
      } else if (event.kind === 'file') {
        // A file input left empty still sends its part, with no name and no bytes.
        const take = event.name === 'file' && upload === null && event.fileName !== ''
        if (take) {
          const { maxBytes } = options
          upload = new ObjectUpload(options.bucket, options.key, { maxBytes, fileName: event.fileName })
        }
        current = take ? 'upload' : 'skip'
      } else if (current === 'upload' && upload !== null) {
        storing = true
        const refusal = event.kind === 'data' ? await upload.write(event.chunk) : await upload.end()
        storing = false
        if (refusal) {
          failure = refused(refusal, fields)
          break
        }
        if (event.kind === 'file-end') current = 'skip'
      }
    }
  } catch (error) {
    await upload?.abort().catch(() => {})
    if (storing) throw error
    if (error instanceof MultipartError && error.reason !== 'interrupted') {
      return { ...incomplete(fields, `${error.message} Nothing was saved.`), code: 'invalid_form' }
    }
    return incomplete(fields)
  }
  if (failure) {
    await upload?.abort()
    await finishBody(request, options.maxBytes)
    return failure
  }
  if (upload === null) {
    return {
      ok: false,
      status: 422,
      code: 'no_file',
      field: 'file',
      message: 'Choose a file to upload.',
      fields,
    }
  }
  return { ok: true, upload, fields }
}

/**
 * Streams a raw request body (an API client's `application/octet-stream`) into the bucket as the
 * file named `fileName`. A body shorter than its `Content-Length`, or one whose stream fails, is an
 * incomplete upload and leaves nothing.
 */
export async function receiveBody(
  request: Request,
  fileName: string,
  options: ReceiveOptions,
): Promise<Received | ReceiveFailure> {
  const length = declaredLength(request)
  if (length !== null && length > options.maxBytes) {
    await request.body?.cancel().catch(() => {})
    return tooLarge(options.maxBytes)
  }
  const upload = new ObjectUpload(options.bucket, options.key, { maxBytes: options.maxBytes, fileName })
  const fail = async (failure: ReceiveFailure) => {
    await upload.abort()
    await request.body?.cancel().catch(() => {})
    return failure
  }
  if (!request.body)
    return fail(refused({ reason: 'empty', message: 'The file is empty. Send a file with content.' }, {}))
  const reader = request.body.getReader()
  let storing = false
  try {
    while (true) {
      const { value, done } = await reader.read()
      if (done) break
      storing = true
      const refusal = await upload.write(value)
      storing = false
      if (refusal) {
        reader.releaseLock()
        return fail(refused(refusal, {}))
      }
    }
  } catch (error) {
    await upload.abort().catch(() => {})
    // A failure of the bucket is the server's (onError); one of the body is the sender's.
    if (storing) throw error
    return incomplete({})
  }
  reader.releaseLock()
  if (length !== null && upload.bytes !== length) {
    await upload.abort()
    return incomplete({})
  }
  const refusal = await upload.end()
  if (refusal) return fail(refused(refusal, {}))
  return { ok: true, upload, fields: {} }
}
