import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { app } from '../../src/app.ts'

// Request bodies for the upload tests, made chunk by chunk as a client would send them: a file of
// any size is generated as it is read (never held whole), hashed as it goes, and can fail midway like
// a client that goes away.

export const ORIGIN = 'http://localhost'
const CHUNK = 64 * 1024

/** A generated file: its bytes come from `fill`, its SHA-256 (hex) is known once it has been read. */
export interface GeneratedFile {
  stream: ReadableStream<Uint8Array>
  /** Resolves to the hex SHA-256 of every byte the stream gave, once it is read to the end. */
  sha256: Promise<string>
}

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')

/** The hex SHA-256 of some bytes. */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes))
}

/** The hex SHA-256 of a stream, read to its end chunk by chunk (rejects when the stream fails). */
export async function sha256OfStream(
  stream: ReadableStream<Uint8Array>,
): Promise<{ sha256: string; bytes: number }> {
  const digest = new crypto.DigestStream('SHA-256')
  const writer = digest.getWriter()
  const reader = stream.getReader()
  let bytes = 0
  try {
    while (true) {
      const { value, done } = await reader.read()
      if (done) break
      bytes += value.length
      await writer.write(value)
    }
  } catch (error) {
    await writer.abort(error).catch(() => {})
    digest.digest.catch(() => {})
    throw error
  }
  await writer.close()
  return { sha256: hex(await digest.digest), bytes }
}

/**
 * `size` bytes starting with `head` (the file's magic number), the rest a repeating pattern, made 64
 * KiB at a time as the reader pulls. With `failAfter`, the stream errors once that many bytes have
 * gone, as when a client disconnects.
 */
export function generatedFile(head: Uint8Array, size: number, failAfter?: number): GeneratedFile {
  const digest = new crypto.DigestStream('SHA-256')
  const writer = digest.getWriter()
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (failAfter !== undefined && sent >= failAfter) {
        controller.error(new Error('test: the client went away'))
        return
      }
      if (sent >= size) {
        await writer.close()
        controller.close()
        return
      }
      const length = Math.min(CHUNK, size - sent)
      const chunk = new Uint8Array(length)
      for (let i = 0; i < length; i++) chunk[i] = (sent + i) % 251
      if (sent === 0) chunk.set(head.subarray(0, length))
      sent += length
      await writer.write(chunk)
      controller.enqueue(chunk)
    },
  })
  return { stream, sha256: digest.digest.then(hex) }
}

const encoder = new TextEncoder()

/**
 * A `multipart/form-data` body as a stream: the text fields, then the file part whose bytes are
 * `file` (streamed through as they come). Returns the body and its Content-Type.
 */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; stream: ReadableStream<Uint8Array>; type?: string } | null,
): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `----kairo-test-${crypto.randomUUID()}`
  let head = ''
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  }
  const fileName = file?.name ?? ''
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${file?.type ?? 'application/octet-stream'}\r\n\r\n`
  const tail = `\r\n--${boundary}--\r\n`
  const source = file?.stream.getReader()
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head'
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        controller.enqueue(encoder.encode(head))
        stage = source ? 'file' : 'tail'
      } else if (stage === 'file' && source) {
        const { value, done } = await source.read()
        if (done) stage = 'tail'
        else controller.enqueue(value)
      } else if (stage === 'tail') {
        controller.enqueue(encoder.encode(tail))
        stage = 'done'
      } else {
        controller.close()
      }
    },
    cancel(reason) {
      return source?.cancel(reason)
    },
  })
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

/** A stream of fixed bytes. */
export function bytesStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    },
  })
}

export interface UploadRequest {
  cookie: string
  body: ReadableStream<Uint8Array> | Uint8Array
  contentType: string
  /** Extra headers (`Content-Length`, a foreign `Origin`). */
  headers?: Record<string, string>
  /** Bindings other than the test's (a smaller DELIVERABLE_MAX_BYTES). */
  bindings?: Record<string, unknown>
  accept?: string
}

/** POSTs an upload through the app as a same-origin browser form (or API client) would. */
export async function postUpload(path: string, request: UploadRequest): Promise<Response> {
  const headers = new Headers({
    cookie: request.cookie,
    'content-type': request.contentType,
    origin: ORIGIN,
    'sec-fetch-site': 'same-origin',
    accept: request.accept ?? 'text/html',
    ...request.headers,
  })
  const ctx = createExecutionContext()
  const response = await app.request(
    `${ORIGIN}${path}`,
    { method: 'POST', headers, body: request.body },
    { ...env, ...request.bindings },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

/** Every object key under a prefix of the deliverables bucket. */
export async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = []
  let cursor: string | undefined
  do {
    const page = await env.BUCKET.list({ prefix, cursor })
    keys.push(...page.objects.map((o) => o.key))
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return keys
}

/** Removes every uploaded object of a project (a test's `afterAll`). */
export async function removeUploadsOf(projectId: string): Promise<void> {
  const keys = await keysUnder(`deliverables/${projectId}/`)
  if (keys.length > 0) await env.BUCKET.delete(keys)
}

export const PDF_HEAD = encoder.encode('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')
export const GLB_HEAD = new Uint8Array([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0, 0x40, 0, 0, 0])
export const HTML_BYTES = encoder.encode(
  '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n',
)
