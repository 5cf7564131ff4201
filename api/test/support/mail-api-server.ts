import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { TestProject } from 'vitest/node'

// Vitest global setup (runs in Node, outside workerd): a local HTTP server that speaks the part of
// Resend's API the Worker uses (`POST /emails`, https://resend.com/docs/api-reference/emails/send-email)
// and checks the request's shape as Resend documents it: `Authorization: Bearer <key>`, a JSON body
// with `from`, `to` (an array), `subject`, `html`, `text`, and the optional `reply_to` and `headers`.
// Real Resend cannot be reached offline; this stands in so the HTTP transport is tested over real
// HTTP from workerd. Recipients steer it: `outage@…` gets 503, `refused@…` gets 422.
//
// `GET /_received` lists every accepted request (repeats included, with its Idempotency-Key), so a
// test can count how often a message reached the "provider".

export const MAIL_API_KEY = 're_test_0123456789'

declare module 'vitest' {
  export interface ProvidedContext {
    mailApiUrl: string
  }
}

interface Received {
  idempotencyKey: string | null
  body: Record<string, unknown>
}

function problem(body: Record<string, unknown>): string | null {
  if (typeof body.from !== 'string' || !body.from) return 'from must be a string'
  if (!Array.isArray(body.to) || body.to.length === 0 || !body.to.every((to) => typeof to === 'string')) {
    return 'to must be an array of addresses'
  }
  for (const key of ['subject', 'html', 'text']) {
    if (typeof body[key] !== 'string' || !body[key]) return `${key} must be a non-empty string`
  }
  if (body.reply_to !== undefined && typeof body.reply_to !== 'string') return 'reply_to must be a string'
  const headers = body.headers as Record<string, unknown> | undefined
  if (
    headers !== undefined &&
    (typeof headers !== 'object' || Object.values(headers).some((v) => typeof v !== 'string'))
  ) {
    return 'headers must map names to strings'
  }
  return null
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const received: Received[] = []
  const server: Server = createServer(async (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (request.method === 'GET' && request.url === '/_received') return reply(200, received)
    if (request.method !== 'POST' || request.url !== '/emails') {
      return reply(404, { statusCode: 404, name: 'not_found', message: 'Not found' })
    }
    if (request.headers.authorization !== `Bearer ${MAIL_API_KEY}`) {
      return reply(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' })
    }
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return reply(415, { statusCode: 415, name: 'invalid_content_type', message: 'Send JSON' })
    }
    let body: Record<string, unknown>
    try {
      body = JSON.parse(await readBody(request))
    } catch {
      return reply(400, { statusCode: 400, name: 'invalid_json', message: 'Invalid JSON' })
    }
    const invalid = problem(body)
    if (invalid) return reply(422, { statusCode: 422, name: 'validation_error', message: invalid })
    const to = (body.to as string[]).join(',')
    if (/(^|<)outage@/.test(to)) {
      return reply(503, { statusCode: 503, name: 'service_unavailable', message: 'Try again later' })
    }
    if (/(^|<)refused@/.test(to)) {
      return reply(422, { statusCode: 422, name: 'validation_error', message: 'The to address is invalid' })
    }
    const idempotencyKey = request.headers['idempotency-key']
    received.push({ idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null, body })
    return reply(200, { id: crypto.randomUUID() })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('mail API test server: no port')
  project.provide('mailApiUrl', `http://127.0.0.1:${address.port}`)
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
