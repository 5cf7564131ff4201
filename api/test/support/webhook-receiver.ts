import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { TestProject } from 'vitest/node'

// Vitest global setup (runs in Node, outside workerd): a real HTTP server on 127.0.0.1 that plays the
// studio's webhook receivers, so the outgoing webhooks' tests watch the Worker under test fetch over
// real HTTP. Each receiver is a path, `/hooks/<name>`: it records every request (method, headers, the
// raw body) and answers from a script the test sets, then with the script's default.
//
// Control (from the tests, which run in workerd and reach it by `fetch`):
//   POST /_control/script   { name, answers?: [{ status, body?, delayMs? }], otherwise?: { status, body? } }
//   GET  /_control/received?name=<name>   → [{ method, path, headers, body }]

declare module 'vitest' {
  export interface ProvidedContext {
    webhookReceiverUrl: string
  }
}

export interface ScriptedAnswer {
  status: number
  body?: string
  /** Wait this long before answering (a slow receiver). */
  delayMs?: number
}

export interface ReceivedRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: string
}

interface Receiver {
  answers: ScriptedAnswer[]
  otherwise: ScriptedAnswer
  received: ReceivedRequest[]
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = ''
  request.setEncoding('utf8')
  for await (const chunk of request) text += chunk
  return text
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const receivers = new Map<string, Receiver>()
  const receiver = (name: string) => {
    let found = receivers.get(name)
    if (!found) {
      found = { answers: [], otherwise: { status: 200, body: 'ok' }, received: [] }
      receivers.set(name, found)
    }
    return found
  }
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const reply = (status: number, body: string, type = 'text/plain') => {
      response.writeHead(status, { 'content-type': type })
      response.end(body)
    }
    const body = await readBody(request)
    if (url.pathname === '/_control/script' && request.method === 'POST') {
      const script = JSON.parse(body) as {
        name: string
        answers?: ScriptedAnswer[]
        otherwise?: ScriptedAnswer
      }
      const target = receiver(script.name)
      target.answers = script.answers ?? []
      if (script.otherwise) target.otherwise = script.otherwise
      return reply(204, '')
    }
    if (url.pathname === '/_control/received' && request.method === 'GET') {
      return reply(
        200,
        JSON.stringify(receiver(url.searchParams.get('name') ?? '').received),
        'application/json',
      )
    }
    const name = /^\/hooks\/([^/]+)/.exec(url.pathname)?.[1]
    if (!name) return reply(404, 'no such receiver')
    const target = receiver(name)
    const headers: Record<string, string> = {}
    for (const [key, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers[key] = value
    }
    target.received.push({ method: request.method ?? '', path: url.pathname, headers, body })
    const answer = target.answers.shift() ?? target.otherwise
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs))
    return reply(answer.status, answer.body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('webhook receiver: no port')
  project.provide('webhookReceiverUrl', `http://127.0.0.1:${address.port}`)
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
}
