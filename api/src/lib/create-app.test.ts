import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'

const app = createApp()
  .get('/api/boom', () => {
    throw new Error('internal detail: relation "app.secret_table" at row 42')
  })
  .get('/api/forbidden', () => {
    throw new HTTPException(403, { message: 'Not your project' })
  })

async function send(path: string) {
  const ctx = createExecutionContext()
  const response = await app.request(path, undefined, env, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

describe('createApp error handling', () => {
  it('turns an unexpected error into a 500 JSON body without its message or stack', async () => {
    const response = await send('/api/boom')
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } })
    expect(text).not.toMatch(/secret_table|at \S+:\d+/)
  })

  it('keeps the status and message of an HTTPException', async () => {
    const response = await send('/api/forbidden')
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ error: { code: 'forbidden', message: 'Not your project' } })
  })

  it('answers unknown non-API paths with an HTML 404', async () => {
    const response = await send('/dashboard/nowhere')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
  })
})
