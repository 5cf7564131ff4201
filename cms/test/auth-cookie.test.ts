import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { startPayload, uniqueSuffix } from './payload.ts'

// The CMS as `next start` runs it (NODE_ENV=production), set before the config is first imported:
// its auth cookie must carry `Secure`, so a browser never sends the session over plain HTTP.
vi.stubEnv('NODE_ENV', 'production')

let payload: Payload
const email = `cookie-editor-${uniqueSuffix()}@kairo.test`
const password = 'a-long-editor-password-for-cookies'
let userId: number

beforeAll(async () => {
  payload = await startPayload()
  userId = (await payload.create({ collection: 'users', data: { email, password, role: 'editor' } })).id
})

afterAll(async () => {
  if (payload) {
    await payload.delete({ collection: 'users', id: userId })
    await payload.destroy()
  }
  vi.unstubAllEnvs()
})

it('signs an editor in with a Secure, HttpOnly, SameSite=Lax cookie in production', async () => {
  const request = new Request('http://localhost:3000/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const response = await handleEndpoints({ config: payload.config, request })
  expect(response.status).toBe(200)
  const cookie = response.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/^payload-token=/)
  // Attribute names count (Payload writes `Secure=true`; browsers ignore the value of Secure and HttpOnly).
  const attributes = cookie.split(';').map((part) => part.trim().toLowerCase())
  expect(attributes.map((attribute) => attribute.split('=')[0])).toEqual(
    expect.arrayContaining(['secure', 'httponly']),
  )
  expect(attributes).toContain('samesite=lax')
})
