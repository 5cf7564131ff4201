import * as Multipasta from 'multipasta'

// A `multipart/form-data` body read as a stream of events, never buffered whole (`request.formData()`
// would hold the entire file in memory). multipasta parses; this module pulls: it reads one chunk
// of the body, lets the parser cut it into events, and hands them out one by one, reading the next
// chunk only once the caller has dealt with them. So the body flows at the pace its consumer (the
// bucket) takes it, and only the chunk in hand is held.

/** What the body holds, in order: text fields, and for each file its start, its bytes and its end. */
export type FormEvent =
  | { kind: 'field'; name: string; value: string }
  | { kind: 'file'; name: string; fileName: string }
  | { kind: 'data'; chunk: Uint8Array }
  | { kind: 'file-end' }

/** Why a body could not be read to its end. */
export class MultipartError extends Error {
  readonly reason: 'malformed' | 'interrupted' | 'too_many_parts' | 'field_too_large'

  constructor(reason: MultipartError['reason'], message: string) {
    super(message)
    this.name = 'MultipartError'
    this.reason = reason
  }
}

export interface MultipartLimits {
  /** The most parts (fields and files) accepted. */
  maxParts: number
  /** The most bytes of one text field. */
  maxFieldBytes: number
}

const DEFAULT_LIMITS: MultipartLimits = { maxParts: 16, maxFieldBytes: 16 * 1024 }

function toError(error: Multipasta.MultipartError): MultipartError {
  switch (error._tag) {
    case 'ReachedLimit':
      return error.limit === 'MaxParts'
        ? new MultipartError('too_many_parts', 'The form has too many parts.')
        : new MultipartError('field_too_large', 'A field of the form is too long.')
    case 'EndNotReached':
      return new MultipartError('interrupted', 'The upload ended before the whole form arrived.')
    default:
      return new MultipartError('malformed', 'The form could not be read (malformed multipart body).')
  }
}

/**
 * The events of a multipart body. Throws a {@link MultipartError} for a malformed body or one that
 * ends before its closing boundary, and the stream's own error when the sender goes away midway.
 * Stopping early (a `break`, a refused file) releases the body for the caller to cancel or drain.
 */
export async function* readMultipart(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  limits: MultipartLimits = DEFAULT_LIMITS,
): AsyncGenerator<FormEvent> {
  const queue: FormEvent[] = []
  let failure: Multipasta.MultipartError | undefined
  let done = false
  const parser = Multipasta.make({
    headers: { 'content-type': contentType },
    maxParts: limits.maxParts,
    maxFieldSize: limits.maxFieldBytes,
    onField(info, value) {
      queue.push({ kind: 'field', name: info.name, value: Multipasta.decodeField(info, value) })
    },
    onFile(info) {
      queue.push({ kind: 'file', name: info.name, fileName: info.filename ?? '' })
      return (chunk) => queue.push(chunk === null ? { kind: 'file-end' } : { kind: 'data', chunk })
    },
    onError(error) {
      failure ??= error
    },
    onDone() {
      done = true
    },
  })
  const reader = body.getReader()
  try {
    while (!done) {
      const { value, done: ended } = await reader.read()
      if (ended) parser.end()
      else parser.write(value)
      if (failure) throw toError(failure)
      // Hand out what this chunk held before reading the next: the consumer sets the pace.
      for (let i = 0; i < queue.length; i++) yield queue[i] as FormEvent
      queue.length = 0
      if (ended && !done) throw toError({ _tag: 'EndNotReached' })
    }
  } finally {
    reader.releaseLock()
  }
}
